import Glibc

/// Copies a regular file into a folder under a free name, then removes the original: the claim
/// for a file on another filesystem than the state directory (`gazette ingest` of a file from
/// elsewhere), where `rename` fails with `EXDEV`.
///
/// The copy is written and `fsync`ed before the original is removed, so a crash leaves at worst
/// both copies, never none.
enum FileCopier {
    static func move(_ source: String, into directory: String, name: String) throws(FileMoveError) -> String {
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { throw FileMoveError(code: errno) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw FileMoveError(code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw FileMoveError(code: EINVAL) }

        var attempt = 0
        var destination = ""
        var output: Int32 = -1
        while output < 0 {
            destination = directory + "/" + FileMover.variant(of: name, attempt)
            output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if output < 0 {
                guard errno == EEXIST else { throw FileMoveError(code: errno) }
                attempt += 1
            }
        }
        do throws(FileMoveError) {
            try copy(from: input, to: output)
            guard fsync(output) == 0 else { throw FileMoveError(code: errno) }
        } catch {
            close(output)
            unlink(destination)
            throw error
        }
        close(output)
        guard unlink(source) == 0 else {
            let code = errno
            unlink(destination)
            throw FileMoveError(code: code)
        }
        return destination
    }

    private static func copy(from input: Int32, to output: Int32) throws(FileMoveError) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileMoveError(code: errno)
            }
            if count == 0 { return }
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw FileMoveError(code: errno)
                }
                written += result
            }
        }
    }
}
