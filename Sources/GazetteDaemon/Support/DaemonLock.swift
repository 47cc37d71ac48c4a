import Foundation
import Glibc

/// `STATE/gazette.pid`: the running daemon's process id, under an exclusive `flock` that the
/// daemon holds for as long as it runs (the kernel drops it when the process ends, however it
/// ends). Two daemons on one state folder would write two digests for each window, so a second
/// one refuses to start; `gazette doctor` tells from it whether a daemon is running.
public final class DaemonLock: Sendable {
    static let fileName = "gazette.pid"
    private let descriptor: Int32

    /// Takes the lock for this process, or throws ``DaemonError/alreadyRunning(pid:stateDirectory:)``.
    init(stateDirectory: String) throws {
        let path = (stateDirectory as NSString).appendingPathComponent(Self.fileName)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw DaemonError.cannotLock(path: path, reason: String(cString: strerror(errno)))
        }
        // A `gazette doctor` looking at the lock holds it shared for a moment: try for a second.
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            attempts += 1
            guard errno == EWOULDBLOCK, attempts < 10 else {
                let reason = errno
                let pid = Self.readPID(descriptor)
                close(descriptor)
                if reason == EWOULDBLOCK { throw DaemonError.alreadyRunning(pid: pid, stateDirectory: stateDirectory) }
                throw DaemonError.cannotLock(path: path, reason: String(cString: strerror(reason)))
            }
            usleep(100_000)
        }
        let line = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit { close(descriptor) }

    /// Whether a daemon holds the lock of `stateDirectory`.
    public enum Holder: Equatable, Sendable {
        case running(pid: Int32?)
        case notRunning
        /// The lock file cannot be opened (permissions): unknown.
        case unknown(reason: String)
    }

    /// Looks at the lock without keeping it.
    public static func holder(stateDirectory: String) -> Holder {
        let path = (stateDirectory as NSString).appendingPathComponent(fileName)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == ENOENT ? .notRunning : .unknown(reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
            return errno == EWOULDBLOCK
                ? .running(pid: readPID(descriptor)) : .unknown(reason: String(cString: strerror(errno)))
        }
        flock(descriptor, LOCK_UN)
        return .notRunning
    }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
