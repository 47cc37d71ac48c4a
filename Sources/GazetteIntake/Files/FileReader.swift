import Glibc
import Foundation

/// The bytes of a claimed file and its modification time.
struct FileContents: Sendable {
    let bytes: [UInt8]
    let modified: Date
}

/// A file the reader refused, with its size when known.
struct ReadRefusal: Error {
    let refusal: IntakeRefusal
    let size: Int?
}

/// Reads a claimed file safely: regular files only, bounded in size, never blocking.
///
/// The entry is checked with `lstat`, opened with `O_NOFOLLOW | O_NONBLOCK` (a symlink swapped
/// in fails with `ELOOP`, a FIFO opens without waiting for a writer) and checked again with
/// `fstat` on the descriptor, so what is read is what was checked.
enum FileReader {
    static func read(_ path: String, limit: Int) throws(ReadRefusal) -> FileContents {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw ReadRefusal(refusal: .unreadable(reason: systemMessage(errno)), size: nil)
        }
        if let refusal = refusal(forMode: info.st_mode) { throw ReadRefusal(refusal: refusal, size: nil) }

        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let refusal: IntakeRefusal = errno == ELOOP ? .symbolicLink : .unreadable(reason: systemMessage(errno))
            throw ReadRefusal(refusal: refusal, size: nil)
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else {
            throw ReadRefusal(refusal: .unreadable(reason: systemMessage(errno)), size: nil)
        }
        if let refusal = refusal(forMode: info.st_mode) { throw ReadRefusal(refusal: refusal, size: nil) }
        let size = Int(info.st_size)
        if size == 0 { throw ReadRefusal(refusal: .empty, size: 0) }
        if size > limit { throw ReadRefusal(refusal: .tooLarge(size: size, limit: limit), size: size) }

        // Read to end of file rather than `st_size` bytes, but never past the limit: a writer
        // still appending cannot make the daemon read without bound.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while total <= limit {
            if total == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count * 2, limit + 1) - bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadRefusal(refusal: .unreadable(reason: systemMessage(errno)), size: size)
            }
            if count == 0 { break }
            total += count
        }
        if total == 0 { throw ReadRefusal(refusal: .empty, size: 0) }
        if total > limit { throw ReadRefusal(refusal: .tooLarge(size: total, limit: limit), size: total) }
        bytes.removeLast(bytes.count - total)
        let modified = Date(
            timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9
        )
        return FileContents(bytes: bytes, modified: modified)
    }

    /// The refusal for anything but a regular file.
    static func refusal(forMode mode: mode_t) -> IntakeRefusal? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: .symbolicLink
        case S_IFDIR: .directory
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR, S_IFBLK: .device
        default: .notRegularFile
        }
    }
}
