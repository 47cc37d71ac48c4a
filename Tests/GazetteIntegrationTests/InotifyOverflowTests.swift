import Foundation
import GazetteTestSupport
import Glibc
import Testing

/// The kernel's inotify queue holds `fs.inotify.max_queued_events` events per watcher (16,384 by
/// default); past that it drops them and reports one `IN_Q_OVERFLOW`.
enum InotifyQueue {
    static let limit: Int? = {
        guard let text = try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
        else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }()

    /// Whether a test can overflow it in a few seconds.
    static var canOverflow: Bool { (limit ?? .max) <= 1 << 20 }

    /// Waits (up to 10 s) until `pid` is stopped, so that it reads no event from then on.
    static func waitUntilStopped(_ pid: Int32) async {
        for _ in 0..<1_000 {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            // `PID (NAME) STATE …`: the state follows the last parenthesis.
            if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "T" { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Makes `count` events in `folder` that the daemon ignores: a dotfile closed after writing,
    /// alternating two names so that the kernel cannot merge neighbours.
    static func flood(_ folder: String, events count: Int) {
        for n in 0..<count {
            let descriptor = open(folder + (n % 2 == 0 ? "/.flood-a" : "/.flood-b"), O_WRONLY | O_CREAT, 0o644)
            if descriptor >= 0 { close(descriptor) }
        }
    }
}

@Suite(.serialized) struct InotifyOverflowTests {
    /// Issue 14: bursts of more events than the kernel queues (a quarter more) arrive while the
    /// daemon cannot read them (it is stopped): every article is still ingested, found by the rescan the overflow
    /// starts, and the overflow is a warning the first time only (debug after that).
    @Test(.enabled(if: InotifyQueue.canOverflow), .timeLimit(.minutes(5)))
    func burstsPastTheKernelQueueAreIngestedAndWarnedOnce() async throws {
        let limit = try #require(InotifyQueue.limit)
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let fm = FileManager.default
        let socket = try NotifySocket()
        // No slow-timer rescan during the test: only the overflow's rescan can find the articles.
        let daemon = try await DaemonProcess(
            sandbox, notifySocket: socket.path, environment: ["GAZETTE_INTAKE_RESCAN_INTERVAL": "1h"],
            flags: sandbox.arguments + ["--log-level", "debug"])
        let ready = await socket.receive { $0.contains { $0.contains("READY=1") } }
        #expect(ready.contains { $0.contains("READY=1") }, "log: \(daemon.log)")

        var dropped = 0
        for burst in 0..<2 {
            daemon.signal(SIGSTOP)
            await InotifyQueue.waitUntilStopped(daemon.pid)
            InotifyQueue.flood(sandbox.inbox, events: limit + limit / 4)
            // Their events come after the queue is full: all lost.
            for n in 0..<25 {
                try sandbox.drop("burst-\(burst)-\(n).txt", DaemonEndToEndTests.article(40_000 + burst * 100 + n))
                dropped += 1
            }
            daemon.signal(SIGCONT)
            let expected = dropped
            #expect(
                await eventually(timeout: 120) {
                    let left = ((try? fm.contentsOfDirectory(atPath: sandbox.inbox)) ?? []).filter {
                        !$0.hasPrefix(".")
                    }
                    return left.isEmpty && sandbox.files(in: sandbox.work).isEmpty
                        && sandbox.files(in: sandbox.archive).count == expected
                }, "burst \(burst) was not ingested; log tail: \(daemon.log.suffix(1500))")
        }
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0)

        let reports = daemon.log.split(separator: "\n").filter { $0.contains("event queue overflowed") }
        #expect(reports.count == 2, "each overflow is noticed: \(reports)")
        #expect(reports.filter { $0.contains(" warning ") }.count == 1, "warned once: \(reports)")
        let status = try await DaemonEndToEndTests.status(sandbox)
        #expect(status["articles"] as? Int == dropped)
        #expect(status["failed"] as? Int == 0)
    }
}
