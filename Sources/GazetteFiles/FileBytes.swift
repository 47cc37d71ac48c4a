import SystemPackage

/// Why a file's bytes could not be read.
package enum FileReadFailure: Error, Sendable {
    /// A system call failed (`ELOOP` for a symbolic link opened without following it).
    case system(Errno)
    /// A directory, link, device, FIFO or socket: only regular files are read.
    case notRegularFile(FileType)
    case empty
    /// More than the limit: the size seen (at least `limit + 1`).
    case tooLarge(size: Int)
    /// A regular file with more than one name (a hard link), when a single one was required.
    case hardLink(links: Int)
}

/// Reads whole files safely: regular files only, bounded in size, never blocking.
package enum FileBytes {
    /// The bytes of the regular file at `path` and its status, never more than `limit` bytes.
    ///
    /// The entry is checked with `lstat` (or `stat` when `followingSymlink`), opened with
    /// `O_NONBLOCK` (a FIFO opens without waiting for a writer) and `O_NOFOLLOW` (a symlink
    /// swapped in fails with `ELOOP`), and checked again on the descriptor, so what is read is
    /// what was checked. It reads to the end of the file rather than its size, but never past the
    /// limit: a writer still appending cannot make a reader read without bound.
    ///
    /// With `singleLink`, a file with other names (a hard link, perhaps to a file its dropper
    /// could not read itself) is refused before anything is read.
    package static func read(
        _ path: String, limit: Int, followingSymlink: Bool = false, singleLink: Bool = false
    ) throws(FileReadFailure) -> (bytes: [UInt8], status: FileStatus) {
        let before: FileStatus
        do { before = try FileStatus.of(path, followingSymlink: followingSymlink) } catch { throw .system(error) }
        guard before.isRegularFile else { throw .notRegularFile(before.type) }

        var options: FileDescriptor.OpenOptions = [.nonBlocking, .closeOnExec]
        if !followingSymlink { options.insert(.noFollow) }
        let descriptor: FileDescriptor
        do { descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: options) } catch {
            throw .system(error as? Errno ?? .ioError)
        }
        defer { try? descriptor.close() }
        let status: FileStatus
        do { status = FileStatus(try descriptor.stat()) } catch { throw .system(error) }
        guard status.isRegularFile else { throw .notRegularFile(status.type) }
        if singleLink, status.linkCount > 1 { throw .hardLink(links: status.linkCount) }
        if status.size == 0 { throw .empty }
        if status.size > limit { throw .tooLarge(size: status.size) }

        var bytes = [UInt8](repeating: 0, count: status.size + 1)
        var total = 0
        while total <= limit {
            if total == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count * 2, limit + 1) - bytes.count))
            }
            let count: Int
            do {
                count = try bytes.withUnsafeMutableBytes { buffer in
                    try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
                }
            } catch { throw .system(error as? Errno ?? .ioError) }
            if count == 0 { break }
            total += count
        }
        if total == 0 { throw .empty }
        if total > limit { throw .tooLarge(size: total) }
        bytes.removeLast(bytes.count - total)
        return (bytes, status)
    }

    /// Up to the first `count` bytes of the file at `path` (never following a symbolic link), or
    /// nil when it cannot be opened.
    package static func prefix(of path: String, count: Int) -> [UInt8]? {
        guard let descriptor = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.noFollow, .closeOnExec])
        else { return nil }
        defer { try? descriptor.close() }
        var buffer = [UInt8](repeating: 0, count: count)
        guard let read = try? buffer.withUnsafeMutableBytes({ try descriptor.read(into: $0) }) else { return nil }
        buffer.removeLast(count - read)
        return buffer
    }
}
