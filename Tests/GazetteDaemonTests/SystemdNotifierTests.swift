import Foundation
import GazetteDaemon
import Testing

import Glibc

/// A bound AF_UNIX datagram socket standing in for systemd's notify socket.
final class NotifySocket {
    let path: String
    let fd: Int32

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gz-notify-\(UUID().uuidString.prefix(8)).sock").path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else { throw POSIXError(.EADDRINUSE) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Messages received until `deadline` seconds pass without `until` matching.
    func receive(until done: ([String]) -> Bool, deadline: TimeInterval = 30) -> [String] {
        var messages: [String] = []
        let end = Date().addingTimeInterval(deadline)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < end, !done(messages) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { messages.append(String(decoding: buffer[0..<n], as: UTF8.self)) }
        }
        return messages
    }

    deinit {
        close(fd)
        unlink(path)
    }
}

@Suite struct SystemdNotifierTests {
    @Test func disabledWithoutNotifySocket() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogInterval == nil)
        notifier.ready()  // no-op, must not crash
    }

    @Test func sendsDatagramsToTheSocket() throws {
        let socket = try NotifySocket()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "2000000"])
        #expect(notifier.watchdogInterval == .seconds(1))
        notifier.ready(status: "watching")
        notifier.watchdog()
        notifier.stopping()
        let messages = socket.receive { $0.count >= 3 }
        #expect(messages == ["READY=1\nSTATUS=watching", "WATCHDOG=1", "STOPPING=1"])
    }

    /// Regression: a listener that does not read filled the datagram queue and the next
    /// notification blocked the daemon for good (its reloads and shutdown with it).
    @Test(.timeLimit(.minutes(1))) func aListenerThatDoesNotReadNeverBlocksTheSender() throws {
        let socket = try NotifySocket()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path])
        for n in 0..<30 { notifier.status("message \(n)") }
        let messages = socket.receive { $0.count >= 1 }
        #expect(messages == ["STATUS=message 0"])
    }

    @Test func watchdogForAnotherProcessIsIgnored() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/x", "WATCHDOG_USEC": "1000", "WATCHDOG_PID": "1"])
        #expect(notifier.watchdogInterval == nil || getpid() == 1)
    }
}
