import Foundation
import GazetteTestSupport
import Glibc
import Testing

/// Runs the real `gazette run` binary on temporary folders.
@Suite(.serialized) struct DaemonEndToEndTests {
    /// A small, unique article: a headline, a blank line and two paragraphs.
    static func article(_ n: Int) -> [UInt8] {
        let cities = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Lisbon", "Dublin", "Warsaw"]
        let city = cities[n % cities.count]
        return Array(
            """
            Council approves budget plan number \(n)

            The city council in \(city) approved spending plan \(n) on Tuesday after a long debate about schools, \
            roads and housing. The mayor said the vote showed that the city could still agree on its priorities.

            Opposition members said the plan left too little for repairs, and promised to raise the matter again \
            next month when the council meets to review item \(n * 7 + 3).
            """.utf8)
    }

    static func status(_ sandbox: DaemonSandbox) async throws -> [String: Any] {
        let result = try await GazetteBinary.run(["status", "--json"] + sandbox.arguments)
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else {
            throw POSIXError(.EIO)
        }
        return object
    }

    @Test(.timeLimit(.minutes(5))) func threeHundredMixedFilesEachEndInTheRightPlace() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let socket = try NotifySocket()
        let fm = FileManager.default
        let outside = sandbox.root + "/outside.txt"
        try Data(Self.article(99_999)).write(to: URL(fileURLWithPath: outside))

        var expectStored = 0
        var expectDuplicates = 0
        var expectFailed = 0
        // Half the good files are there before the daemon starts (startup scan), half arrive later.
        for n in 0..<115 {
            try sandbox.drop("early-\(n).txt", Self.article(n))
            expectStored += 1
        }

        let daemon = try await DaemonProcess(
            sandbox, notifySocket: socket.path, environment: ["GAZETTE_INTAKE_MAX_FILE_SIZE": "1MiB"])
        let ready = await socket.receive { $0.contains { $0.contains("READY=1") } }
        #expect(ready.contains { $0.contains("READY=1") }, "no READY=1; log: \(daemon.log)")

        for n in 115..<230 {
            try sandbox.drop("late-\(n).md", Self.article(n))
            expectStored += 1
        }
        for n in 0..<20 {
            try sandbox.drop("again-\(n).txt", Self.article(n * 3))
            expectDuplicates += 1
        }
        for n in 0..<10 {
            try sandbox.drop("empty-\(n).txt", [])
            expectFailed += 1
        }
        for n in 0..<10 {
            try sandbox.drop(
                "binary-\(n).bin", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 0, 0, 0] + Array(repeating: UInt8(n), count: 64))
            expectFailed += 1
        }
        for n in 0..<5 {
            try sandbox.drop("huge-\(n).txt", Array(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024 + n))
            expectFailed += 1
        }
        for n in 0..<5 {
            #expect(symlink(outside, sandbox.inbox + "/link-\(n).txt") == 0)
            expectFailed += 1
        }
        for n in 0..<2 {
            #expect(mkfifo(sandbox.inbox + "/pipe-\(n).txt", 0o644) == 0)
            expectFailed += 1
        }
        for n in 0..<10 {
            // Windows-1252 / Latin-1: "café" and a pound sign as single bytes.
            try sandbox.drop(
                "latin1-\(n).txt",
                Array("Prices rise again in caf".utf8) + [0xE9] + Array(" number \(n)\n\nA coffee now costs ".utf8) + [
                    0xA3
                ] + Array("\(n + 3) in the capital's cafés, traders said on Monday.".utf8))
            expectStored += 1
        }
        // A partial download is left alone until it is renamed into place.
        try Data(Self.article(5_000)).write(to: URL(fileURLWithPath: sandbox.inbox + "/late.txt.part"))
        try Data(Self.article(5_001)).write(to: URL(fileURLWithPath: sandbox.inbox + "/.hidden.txt"))

        let settled = await eventually(timeout: 180) {
            let names = (try? fm.contentsOfDirectory(atPath: sandbox.inbox)) ?? []
            return Set(names) == ["late.txt.part", ".hidden.txt"] && sandbox.files(in: sandbox.work).isEmpty
        }
        #expect(settled, "inbox never drained; log tail: \(daemon.log.suffix(2000))")

        #expect(rename(sandbox.inbox + "/late.txt.part", sandbox.inbox + "/late.txt") == 0)
        expectStored += 1
        #expect(
            await eventually(timeout: 60) {
                !fm.fileExists(atPath: sandbox.inbox + "/late.txt") && sandbox.files(in: sandbox.work).isEmpty
                    && sandbox.files(in: sandbox.archive).contains { $0.hasSuffix("/late.txt") }
            })

        let archived = sandbox.files(in: sandbox.archive)
        #expect(archived.count == expectStored + expectDuplicates)
        let failed = sandbox.files(in: sandbox.failed)
        #expect(failed.filter { $0.hasSuffix(".error.json") }.count == expectFailed)
        #expect(failed.count == 2 * expectFailed)
        for name in failed where name.hasSuffix(".error.json") {
            let data = try #require(fm.contents(atPath: sandbox.failed + "/" + name))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((report["reason"] as? String)?.isEmpty == false, "\(name) has no reason")
            #expect(report["stage"] is String)
        }
        #expect(fm.fileExists(atPath: sandbox.inbox + "/.hidden.txt"))
        #expect(fm.fileExists(atPath: outside), "a symlink's target must never be touched")

        let status = try await Self.status(sandbox)
        #expect(status["articles"] as? Int == expectStored)
        #expect(status["failed"] as? Int == expectFailed)
        #expect(status["duplicates"] as? Int == expectDuplicates)
        #expect(status["pending"] as? Int == 0)

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0, "log tail: \(daemon.log.suffix(2000))")
        let rest = await socket.receive { $0.contains { $0.contains("STOPPING=1") } }
        let all = ready + rest
        let readyIndex = all.firstIndex { $0.contains("READY=1") }
        let stoppingIndex = all.firstIndex { $0.contains("STOPPING=1") }
        #expect(readyIndex != nil && stoppingIndex != nil && readyIndex! < stoppingIndex!, "notify messages: \(all)")
        #expect(all.contains { $0.hasPrefix("STATUS=") || $0.contains("\nSTATUS=") })
    }

    @Test(.timeLimit(.minutes(5))) func survivesRepeatedSIGKILLWithEveryFileStoredOnce() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let fm = FileManager.default
        let total = 150
        for n in 0..<total { try sandbox.drop("article-\(n).txt", Self.article(10_000 + n)) }

        // Deterministic "random" kill points.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextDelay() -> useconds_t {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return useconds_t(50_000 + (seed >> 33) % 400_000)
        }
        for _ in 0..<6 {
            let daemon = try await DaemonProcess(sandbox)
            try await Task.sleep(for: .microseconds(nextDelay()))
            daemon.signal(SIGKILL)
            _ = await daemon.waitForExit()
        }
        let daemon = try await DaemonProcess(sandbox)
        let drained = await eventually(timeout: 180) {
            ((try? fm.contentsOfDirectory(atPath: sandbox.inbox)) ?? []).isEmpty
                && sandbox.files(in: sandbox.work).isEmpty
                && sandbox.files(in: sandbox.archive).count >= total
        }
        #expect(drained, "log tail: \(daemon.log.suffix(2000))")
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0)

        #expect(sandbox.files(in: sandbox.archive).count == total)
        #expect(sandbox.files(in: sandbox.failed).isEmpty)
        let status = try await Self.status(sandbox)
        #expect(status["articles"] as? Int == total)
        #expect(status["failed"] as? Int == 0)
    }

    @Test(.timeLimit(.minutes(2))) func sigtermExitsCleanlyAndSIGINTToo() async throws {
        for signal in [SIGTERM, SIGINT] {
            let sandbox = try DaemonSandbox()
            defer { sandbox.remove() }
            let socket = try NotifySocket()
            let daemon = try await DaemonProcess(sandbox, notifySocket: socket.path)
            _ = await socket.receive { $0.contains { $0.contains("READY=1") } }
            daemon.signal(signal)
            #expect(await daemon.waitForExit() == 0, "log: \(daemon.log)")
        }
    }

    @Test(.timeLimit(.minutes(2))) func sighupReloadsTheConfiguration() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let fm = FileManager.default
        let config = sandbox.root + "/gazette.yaml"
        try "intake:\n  include: [\"*.md\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let socket = try NotifySocket()
        let daemon = try await DaemonProcess(
            sandbox, notifySocket: socket.path, environment: ["GAZETTE_CONFIG": config])
        _ = await socket.receive { $0.contains { $0.contains("READY=1") } }
        try sandbox.drop("note.txt", Self.article(1))
        try sandbox.drop("story.md", Self.article(2))
        #expect(await eventually(timeout: 60) { !fm.fileExists(atPath: sandbox.inbox + "/story.md") })
        #expect(fm.fileExists(atPath: sandbox.inbox + "/note.txt"), "*.txt is not included yet")

        // An invalid file is refused and the running configuration kept.
        try "intake:\n  include: 7\n  bogus: 1\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await eventually(timeout: 30) { daemon.log.contains("configuration reload failed") })
        #expect(fm.fileExists(atPath: sandbox.inbox + "/note.txt"))

        try "intake:\n  include: [\"*.md\", \"*.txt\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(
            await eventually(timeout: 60) { !fm.fileExists(atPath: sandbox.inbox + "/note.txt") }, "log: \(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0)
        #expect(try await Self.status(sandbox)["articles"] as? Int == 2)
    }

    /// Regression: the loader accepted digest times (`7:5`, `007:00`) that the scheduler then
    /// refused, which stopped the whole daemon after a SIGHUP.
    @Test(.timeLimit(.minutes(3))) func reloadsWithBadValuesKeepTheDaemonRunning() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let config = sandbox.root + "/gazette.yaml"
        try "digest:\n  times: [\"06:00\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let socket = try NotifySocket()
        let daemon = try await DaemonProcess(
            sandbox, notifySocket: socket.path, environment: ["GAZETTE_CONFIG": config])
        _ = await socket.receive { $0.contains { $0.contains("READY=1") } }
        let bad = [
            "digest:\n  times: [\"7:5\"]\n", "digest:\n  times: [\"007:00\"]\n", "digest:\n  time_zone: Mars/Olympus\n",
            "digest:\n  formats: [pdf]\n", "digest:\n  templates: /nonexistent\n", "digest:\n  window: 1e30s\n",
            "intake:\n  rescan_interval: 1e30s\n", "intake:\n  max_attempts: 1\n",
        ]
        for (n, yaml) in bad.enumerated() {
            try yaml.write(toFile: config, atomically: true, encoding: .utf8)
            daemon.signal(SIGHUP)
            let failures = n + 1
            #expect(
                await eventually(timeout: 30) {
                    daemon.log.components(separatedBy: "configuration reload failed").count - 1 >= failures
                },
                "no failure logged for \(yaml); log: \(daemon.log.suffix(1500))")
            #expect(daemon.isRunning, "the daemon stopped after reloading \(yaml)")
            let answer = await socket.receive { $0.contains { $0.contains("READY=1") } }
            #expect(answer.contains { $0.contains("READY=1") }, "no READY=1 after reloading \(yaml)")
        }
        try sandbox.drop("after.txt", Self.article(3))
        #expect(await eventually(timeout: 60) { !FileManager.default.fileExists(atPath: sandbox.inbox + "/after.txt") })
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0)
    }

    /// Regression: a SIGHUP with an inbox that cannot be created (or on another filesystem)
    /// exited the daemon, and one changing `state_dir` split the state between two folders.
    @Test(.timeLimit(.minutes(2))) func reloadsThatOnlyARestartCouldApplyAreRefused() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let config = sandbox.root + "/gazette.yaml"
        let good = "inbox: \(sandbox.inbox)\nstate_dir: \(sandbox.state)\ndigest_dir: \(sandbox.digests)\n"
        try good.write(toFile: config, atomically: true, encoding: .utf8)
        let socket = try NotifySocket()
        let daemon = try await DaemonProcess(
            sandbox, notifySocket: socket.path, environment: ["GAZETTE_CONFIG": config], flags: [])
        _ = await socket.receive { $0.contains { $0.contains("READY=1") } }
        let refused = [
            ("inbox: /proc/gazette-inbox\nstate_dir: \(sandbox.state)\n", "/proc/gazette-inbox"),
            (
                "inbox: /dev/shm/gazette-inbox-\(UUID().uuidString.prefix(6))\nstate_dir: \(sandbox.state)\n",
                "filesystem"
            ),
            ("inbox: \(sandbox.inbox)\nstate_dir: \(sandbox.root)/other-state\n", "restart the daemon"),
        ]
        for (n, (yaml, expected)) in refused.enumerated() {
            try (yaml + "digest_dir: \(sandbox.digests)\n").write(toFile: config, atomically: true, encoding: .utf8)
            daemon.signal(SIGHUP)
            #expect(
                await eventually(timeout: 30) {
                    daemon.log.components(separatedBy: "configuration reload failed").count - 1 >= n + 1
                },
                "no failure logged for \(yaml); log: \(daemon.log.suffix(1500))")
            #expect(daemon.log.contains(expected), "\(yaml)")
            #expect(daemon.isRunning, "the daemon stopped after reloading \(yaml)")
            _ = await socket.receive { $0.contains { $0.contains("READY=1") } }
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/other-state"))
        try sandbox.drop("after.txt", Self.article(4))
        #expect(await eventually(timeout: 60) { !FileManager.default.fileExists(atPath: sandbox.inbox + "/after.txt") })
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0)
    }

    /// Regression: SIGTERM while two large files were extracted took 37.6 s, past the unit's
    /// TimeoutStopSec=30s. The process now exits when its budget (23 s) is spent; the file in
    /// flight stays in work/ for the next start.
    @Test(.timeLimit(.minutes(2))) func aShutdownKeepsToItsBudget() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        var text = Self.article(700)
        text += Array("\n\nThe committee will STALL-HERE meet again in March.\n".utf8)
        try sandbox.drop("slow.txt", text)
        let daemon = try await DaemonProcess(sandbox, environment: ["GAZETTE_DEBUG_STALL_ON": "STALL-HERE"])
        #expect(
            await eventually(timeout: 60) {
                FileManager.default.fileExists(atPath: sandbox.state + "/attempts/slow.txt")
            })
        let start = ContinuousClock.now
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 45) == 0, "log: \(daemon.log.suffix(1500))")
        #expect(ContinuousClock.now - start < .seconds(29))
        #expect(daemon.log.contains("shutdown took longer than its budget"))
        #expect(sandbox.files(in: sandbox.work) == ["slow.txt"])
    }

    @Test func badConfigurationFailsAtStartupNamingTheKey() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let result = try await GazetteBinary.run(
            ["run"] + sandbox.arguments, environment: ["GAZETTE_INTAKE_CONCURRENCY": "zero"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("intake.concurrency"))
        #expect(!result.stderr.contains("Fatal error"))
    }
}
