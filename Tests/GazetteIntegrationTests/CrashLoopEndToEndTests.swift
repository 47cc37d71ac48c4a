import Foundation
import GazetteTestSupport
import Glibc
import Testing

/// A file that kills Gazette must not crash-loop the service: the real binary dies on it (a
/// debug build's fault injection makes the extractor trap on a marker), the test restarts it as
/// systemd would, and after `intake.max_attempts` deaths the file is quarantined and the rest of
/// the inbox goes in. One kill during a good file never quarantines it.
@Suite(.serialized) struct CrashLoopEndToEndTests {
    static let crashing: [String: String] = ["GAZETTE_DEBUG_CRASH_ON": "CRASH-ME-NOW", "SWIFT_BACKTRACE": "enable=no"]

    func drained(_ sandbox: DaemonSandbox) -> Bool {
        let inbox = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.inbox)) ?? []
        return inbox.isEmpty && sandbox.files(in: sandbox.work).isEmpty
    }

    @Test(.timeLimit(.minutes(5))) func aFileThatKillsTheDaemonIsQuarantinedAfterThreeDeaths() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        for n in 0..<4 { try sandbox.drop("good-\(n).txt", DaemonEndToEndTests.article(500 + n)) }
        try sandbox.drop("killer.txt", Array("Markets fall\n\nTraders said CRASH-ME-NOW on Monday.\n".utf8))

        var deaths = 0
        var survivor: DaemonProcess?
        // The test is systemd: it restarts the daemon each time it dies.
        for _ in 0..<6 {
            let daemon = try await DaemonProcess(sandbox, environment: Self.crashing)
            let settled = await eventually(timeout: 60) { daemon.diedOfSignal || self.drained(sandbox) }
            #expect(settled, "neither died nor drained; log: \(daemon.log.suffix(2000))")
            if daemon.diedOfSignal {
                deaths += 1
                continue
            }
            survivor = daemon
            break
        }
        #expect(deaths == 3)
        let daemon = try #require(survivor)
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit() == 0, "log: \(daemon.log.suffix(2000))")

        #expect(sandbox.files(in: sandbox.failed) == ["killer.txt", "killer.txt.error.json"])
        #expect(sandbox.files(in: sandbox.archive).count == 4)
        #expect(sandbox.files(in: sandbox.state + "/attempts").isEmpty)
        let data = try #require(FileManager.default.contents(atPath: sandbox.failed + "/killer.txt.error.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let reason = try #require(report["reason"] as? String)
        #expect(reason.contains("Gazette stopped 3 times while working on this file, in its decode step"))
        #expect(report["stage"] as? String == "decode")

        let status = try await DaemonEndToEndTests.status(sandbox)
        #expect(status["articles"] as? Int == 4)
        #expect(status["failed"] as? Int == 1)
        #expect((status["last_error"] as? String)?.contains("Gazette stopped 3 times") == true)
    }

    @Test(.timeLimit(.minutes(3))) func oneKillDuringAGoodFileNeverQuarantinesIt() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        var text = DaemonEndToEndTests.article(600)
        text += Array("\n\nThe committee will STALL-HERE meet again in March.\n".utf8)
        try sandbox.drop("slow.txt", text)

        let first = try await DaemonProcess(sandbox, environment: ["GAZETTE_DEBUG_STALL_ON": "STALL-HERE"])
        let marker = sandbox.state + "/attempts/slow.txt"
        #expect(await eventually(timeout: 60) { FileManager.default.fileExists(atPath: marker) }, "log: \(first.log)")
        first.signal(SIGKILL)
        _ = await first.waitForExit()
        #expect(sandbox.files(in: sandbox.work) == ["slow.txt"])

        let second = try await DaemonProcess(sandbox)
        #expect(
            await eventually(timeout: 60) { self.drained(sandbox) && !sandbox.files(in: sandbox.archive).isEmpty },
            "log: \(second.log)")
        second.signal(SIGTERM)
        #expect(await second.waitForExit() == 0)
        #expect(sandbox.files(in: sandbox.failed).isEmpty)
        #expect(sandbox.files(in: sandbox.archive).map { ($0 as NSString).lastPathComponent } == ["slow.txt"])
        #expect(try await DaemonEndToEndTests.status(sandbox)["articles"] as? Int == 1)
    }
}

/// `gazette ingest` and `gazette extract` over many files report a file that crashes Gazette and
/// carry on with the others.
@Suite struct OneShotCrashTests {
    func files(_ sandbox: DaemonSandbox) throws -> [String] {
        let paths = ["first.txt", "killer.txt", "last.txt"].map { sandbox.root + "/" + $0 }
        let contents = [
            DaemonEndToEndTests.article(700), Array("Markets fall\n\nTraders said CRASH-ME-NOW on Monday.\n".utf8),
            DaemonEndToEndTests.article(701),
        ]
        for (path, bytes) in zip(paths, contents) { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        return paths
    }

    @Test(.timeLimit(.minutes(2))) func ingestStoresTheGoodFilesAndQuarantinesTheOneThatCrashes() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let paths = try files(sandbox)
        let result = try await GazetteBinary.run(
            ["ingest", "--archive"] + sandbox.arguments + paths, environment: CrashLoopEndToEndTests.crashing)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "stdout: \(result.stdout)")
        #expect(lines.first?.hasPrefix(paths[0] + ": stored as article") == true)
        #expect(
            lines.dropFirst().first?.hasPrefix(
                paths[1] + ": not ingested: Gazette stopped while working on this file, in its decode step (signal ")
                == true)
        #expect(lines.last?.hasPrefix(paths[2] + ": stored as article") == true)
        #expect(sandbox.files(in: sandbox.failed) == ["killer.txt", "killer.txt.error.json"])
        #expect(sandbox.files(in: sandbox.archive).count == 2)
        #expect(sandbox.files(in: sandbox.work).isEmpty)
        #expect(sandbox.files(in: sandbox.state + "/attempts").isEmpty)
        let status = try await DaemonEndToEndTests.status(sandbox)
        #expect(status["articles"] as? Int == 2)
        #expect(status["failed"] as? Int == 1)
    }

    @Test(.timeLimit(.minutes(2))) func ingestInPlaceLeavesTheCrashingFileAndRecordsIt() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let paths = try files(sandbox)
        let result = try await GazetteBinary.run(
            ["ingest"] + sandbox.arguments + paths, environment: CrashLoopEndToEndTests.crashing)
        #expect(result.status == 1)
        #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let status = try await DaemonEndToEndTests.status(sandbox)
        #expect(status["articles"] as? Int == 2)
        #expect(status["failed"] as? Int == 1)
        #expect((status["last_error"] as? String)?.contains("signal") == true)
    }

    @Test(.timeLimit(.minutes(2))) func extractPrintsAnErrorRecordForTheCrashingFileAndGoesOn() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let paths = try files(sandbox)
        let result = try await GazetteBinary.run(["extract"] + paths, environment: CrashLoopEndToEndTests.crashing)
        #expect(result.status == 1)
        let records = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count == 3, "stdout: \(result.stdout)")
        #expect(records.map { ($0["source"] as? [String: Any])?["path"] as? String } == paths)
        #expect(records[0]["error"] == nil && records[2]["error"] == nil)
        #expect((records[1]["error"] as? String)?.contains("stopped Gazette (signal") == true)
    }
}
