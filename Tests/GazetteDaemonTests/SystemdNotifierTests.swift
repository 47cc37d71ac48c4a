import Foundation
import GazetteDaemon
import GazetteTestSupport
import Glibc
import Testing

@Suite struct SystemdNotifierTests {
    @Test func disabledWithoutNotifySocket() async {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogInterval == nil)
        notifier.ready()  // no-op, must not crash
    }

    @Test func sendsDatagramsToTheSocket() async throws {
        let socket = try NotifySocket()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "2000000"])
        #expect(notifier.watchdogInterval == .seconds(1))
        notifier.ready(status: "watching")
        notifier.watchdog()
        notifier.stopping()
        let messages = await socket.receive { $0.count >= 3 }
        #expect(messages == ["READY=1\nSTATUS=watching", "WATCHDOG=1", "STOPPING=1"])
    }

    /// Regression: a listener that does not read filled the datagram queue and the next
    /// notification blocked the daemon for good (its reloads and shutdown with it).
    @Test(.timeLimit(.minutes(1))) func aListenerThatDoesNotReadNeverBlocksTheSender() async throws {
        let socket = try NotifySocket()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path])
        for n in 0..<30 { notifier.status("message \(n)") }
        let messages = await socket.receive { $0.count >= 1 }
        #expect(messages == ["STATUS=message 0"])
    }

    @Test func watchdogForAnotherProcessIsIgnored() async {
        let notifier = SystemdNotifier(environment: [
            "NOTIFY_SOCKET": "/x", "WATCHDOG_USEC": "1000", "WATCHDOG_PID": "1",
        ])
        #expect(notifier.watchdogInterval == nil || getpid() == 1)
    }
}
