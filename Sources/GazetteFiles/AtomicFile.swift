import Foundation
import Glibc
import SystemPackage

/// Replaces a file's content all at once: readers see the old file or the new one, never part.
///
/// Writes a temporary file beside the target, flushes it to disk, renames it over the target
/// and flushes the folder, so a crash leaves either version intact.
package enum AtomicFile {
    package static func write(_ text: String, to path: String) throws(Errno) {
        try write(Array(text.utf8), to: path)
    }

    package static func write(_ bytes: [UInt8], to path: String) throws(Errno) {
        let temporary = temporaryPath(in: (path as NSString).deletingLastPathComponent)
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(temporary), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
            do {
                try descriptor.closeAfter {
                    _ = try descriptor.writeAll(bytes)
                    guard fsync(descriptor.rawValue) == 0 else { throw Errno.current }
                }
                try replace(path, with: temporary)
            } catch {
                unlink(temporary)
                throw error
            }
        } catch {
            throw error as? Errno ?? .ioError
        }
    }

    static let temporaryPrefix = ".gazette-"

    /// A new temporary's path in `folder`: not named after the target, whose name may already use
    /// the filesystem's 255 bytes, but after the writing process, so that one a killed process
    /// left can be told apart (``removeAbandonedTemporaries(in:)``).
    package static func temporaryPath(in folder: String) -> String {
        (folder as NSString).appendingPathComponent("\(temporaryPrefix)\(getpid())-\(UUID().uuidString.prefix(8)).tmp")
    }

    /// Removes the temporaries that processes killed in the middle of a write left in `folder`:
    /// those whose writer is no longer running. Returns how many were removed.
    @discardableResult
    package static func removeAbandonedTemporaries(in folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(temporaryPrefix) && name.hasSuffix(".tmp") {
            let writer = name.dropFirst(temporaryPrefix.count).prefix { $0 != "-" }
            guard let pid = pid_t(writer), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink((folder as NSString).appendingPathComponent(name)) == 0 { removed += 1 }
        }
        return removed
    }

    /// Renames the finished file `temporary` over `path` and makes the rename durable.
    package static func replace(_ path: String, with temporary: String) throws(Errno) {
        guard rename(temporary, path) == 0 else { throw .current }
        syncDirectory((path as NSString).deletingLastPathComponent)
    }

    /// Flushes a folder, so that a rename in it survives a crash.
    package static func syncDirectory(_ folder: String) {
        guard
            let descriptor = try? FileDescriptor.open(
                FilePath(folder.isEmpty ? "." : folder), .readOnly, options: [.directory, .closeOnExec])
        else { return }
        fsync(descriptor.rawValue)
        try? descriptor.close()
    }
}
