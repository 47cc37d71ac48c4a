import GazetteFiles
import Glibc
import SystemPackage

/// Moves a regular file into a folder on another filesystem, where `rename` fails with `EXDEV`
/// (`archive/` or `failed/` a mount point, `gazette ingest` of a file from elsewhere).
///
/// The bytes are copied into a temporary in `staging` (a folder on the destination's
/// filesystem: the destination itself, or the top of the tree it is in), flushed to disk, and
/// only then renamed to the destination's name, which ``FileMover`` chooses; the original is
/// removed last. A death during the copy therefore leaves the original where it was and a
/// temporary named after the dead process (``AtomicFile``'s), which the intake removes when it
/// starts, never a partial file under the final name; a death after the rename leaves both
/// copies, never none.
enum FileCopier {
    /// Copies `source` into `directory` under `name` or its first free variant, calling
    /// `announce` with the destination just before the finished copy takes that name; returns
    /// the destination. Throws the failing call's `Errno`, or what `announce` throws.
    static func move(
        _ source: String, into directory: String, name: String, staging: String? = nil,
        announcing announce: (String) throws -> Void = { _ in }
    ) throws -> String {
        let input = try FileDescriptor.open(
            FilePath(source), .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
        let temporary = AtomicFile.temporaryPath(in: staging ?? directory)
        let destination: String
        do {
            try input.closeAfter {
                guard FileStatus(try input.stat()).isRegularFile else { throw Errno.invalidArgument }
                let output = try FileDescriptor.open(
                    FilePath(temporary), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                    permissions: [.ownerReadWrite, .groupRead])
                try output.closeAfter {
                    try copy(from: input, to: output)
                    guard fsync(output.rawValue) == 0 else { throw Errno.current }
                }
            }
            destination = try FileMover.move(temporary, into: directory, name: name, announcing: announce)
        } catch {
            unlink(temporary)
            throw error
        }
        AtomicFile.syncDirectory(directory)
        guard unlink(source) == 0 else {
            let error = Errno.current
            unlink(destination)
            throw error
        }
        return destination
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
