import Foundation
import GazetteFiles
import Glibc

/// Sends sd_notify(3) messages (`READY=1`, `STATUS=…`, `WATCHDOG=1`, `STOPPING=1`) to the
/// datagram socket systemd names in `NOTIFY_SOCKET`. Without that variable every call is a no-op,
/// so the daemon behaves the same outside systemd.
public struct SystemdNotifier: Sendable {
    /// The socket path; a leading `@` names an abstract socket.
    public let socketPath: String?
    /// Half the watchdog interval systemd expects pings within, or nil without a watchdog.
    public let watchdogInterval: Duration?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        self.socketPath = path
        if path != nil, let usec = environment["WATCHDOG_USEC"].flatMap(UInt64.init), usec > 0,
            environment["WATCHDOG_PID"].flatMap(Int32.init).map({ $0 == getpid() }) ?? true
        {
            self.watchdogInterval = .microseconds(Int64(usec / 2))
        } else {
            self.watchdogInterval = nil
        }
    }

    public var isEnabled: Bool { socketPath != nil }

    public func ready(status: String? = nil) { send(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? [])) }
    public func status(_ text: String) { send(["STATUS=\(text)"]) }
    public func watchdog() { send(["WATCHDOG=1"]) }
    public func stopping() { send(["STOPPING=1"]) }
    public func reloading() { send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"]) }

    /// Sends one datagram with the given `KEY=VALUE` lines; errors are ignored as sd_notify does.
    public func send(_ lines: [String]) {
        guard let socketPath else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard let address = UnixSocketAddress(socketPath) else { return }
        let message = Array(lines.joined(separator: "\n").utf8)
        // Never block the daemon on a listener that does not read: a full queue is waited on for
        // at most about 100 ms, then the message is dropped.
        for _ in 0..<10 {
            let sent = address.withSocketAddress { socketAddress, length in
                message.withUnsafeBytes { bytes in
                    sendto(
                        fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT), socketAddress, length)
                }
            }
            guard sent < 0, errno == EAGAIN || errno == EINTR else { return }
            usleep(10_000)
        }
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
