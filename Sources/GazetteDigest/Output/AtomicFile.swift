import Foundation

import Glibc

/// Replaces a file's content all at once: readers see the old file or the new one, never part.
///
/// Writes a temporary file beside the target, flushes it to disk, renames it over the target
/// and flushes the folder, so a crash leaves either version intact.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let error = failure(path)
                close(fd)
                unlink(temporary)
                throw error
            }
            written += result
        }
        bytes.removeAll()
        guard fsync(fd) == 0 else {
            let error = failure(path)
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
        syncDirectory(folder)
    }

    /// Makes the rename itself durable.
    private static func syncDirectory(_ folder: String) {
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// `write(2)`, named apart from this type's own `write`.
    private static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        Glibc.write(fd, bytes, count)
    }

    private static func failure(_ path: String) -> DigestError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
