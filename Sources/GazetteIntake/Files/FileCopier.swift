import GazetteFiles
import Glibc
import SystemPackage

/// Copies a regular file into a folder under a free name, then removes the original: the claim
/// for a file on another filesystem than the state directory (`gazette ingest` of a file from
/// elsewhere), where `rename` fails with `EXDEV`.
///
/// The copy is written and `fsync`ed before the original is removed, so a crash leaves at worst
/// both copies, never none.
enum FileCopier {
    static func move(_ source: String, into directory: String, name: String) throws(Errno) -> String {
        do {
            let input = try FileDescriptor.open(
                FilePath(source), .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
            return try input.closeAfter {
                guard FileStatus(try input.stat()).isRegularFile else { throw Errno.invalidArgument }
                let (output, destination) = try create(in: directory, name: name)
                do {
                    try output.closeAfter {
                        try copy(from: input, to: output)
                        guard fsync(output.rawValue) == 0 else { throw Errno.current }
                    }
                } catch {
                    unlink(destination)
                    throw error
                }
                guard unlink(source) == 0 else {
                    let error = Errno.current
                    unlink(destination)
                    throw error
                }
                return destination
            }
        } catch {
            throw error as? Errno ?? .ioError
        }
    }

    /// A new file in `directory` under `name` or the first free variant of it.
    private static func create(in directory: String, name: String) throws -> (FileDescriptor, String) {
        var attempt = 0
        while true {
            let destination = directory + "/" + FileMover.variant(of: name, attempt)
            do {
                let output = try FileDescriptor.open(
                    FilePath(destination), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                    permissions: [.ownerReadWrite, .groupRead, .otherRead])
                return (output, destination)
            } catch Errno.fileExists {
                attempt += 1
            }
        }
    }

    private static func copy(from input: FileDescriptor, to output: FileDescriptor) throws {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { return }
            _ = try output.writeAll(buffer[..<count])
        }
    }
}
