import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Testing

/// A file the process died on (it has a marker in `state/attempts/`) is tried again alone, and
/// quarantined once it has stopped Gazette `maxAttempts` times; a file whose attempt finished
/// leaves no marker behind.
@Suite struct CrashLoopTests {
    /// Writes the marker a process that died while extracting `name` would have left.
    func leaveMarker(_ fixture: IntakeFixture, for name: String, attempts: Int, stage: String = "extraction") throws {
        try fixture.drop(name, "attempts=\(attempts)\npid=4242\nstage=\(stage)\n", in: "state/attempts")
    }

    @Test(.timeLimit(.minutes(1))) func fileThatStoppedGazetteTooOftenIsQuarantinedWithoutExtraction() async throws {
        let fixture = try IntakeFixture()
        try fixture.drop("killer.txt", articleText(30), in: "state/work")
        try leaveMarker(fixture, for: "killer.txt", attempts: 3)
        try fixture.drop("fine.txt", articleText(31), in: "state/work")

        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(
                await IntakeFixture.eventually(within: 60) {
                    fixture.entries("work").isEmpty && service.counters.ingested == 1
                })
        }
        #expect(fixture.names("failed") == ["killer.txt"])
        #expect(fixture.names("archive") == ["fine.txt"])
        #expect(fixture.entries("attempts").isEmpty)
        let report = try fixture.errorReport("killer.txt")
        #expect(report["stage"] as? String == "extraction")
        let reason = try #require(report["reason"] as? String)
        #expect(reason.contains("Gazette stopped 3 times while working on this file, in its extraction step"))
        #expect(report["sha256"] as? String == SHA256.hex(of: Array(articleText(30).utf8)))
        let status = try fixture.database.status()
        #expect(status.articles == 1)
        #expect(status.failed == 1)
        #expect(status.lastError == reason)
        #expect(service.counters.failed == 1)
    }

    @Test(.timeLimit(.minutes(1))) func fileWithFewerDeathsIsTriedAgainAndStored() async throws {
        let fixture = try IntakeFixture()
        try fixture.drop("unlucky.txt", articleText(32), in: "state/work")
        try leaveMarker(fixture, for: "unlucky.txt", attempts: 2, stage: "store")

        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 60) { fixture.entries("work").isEmpty })
        }
        #expect(fixture.names("archive") == ["unlucky.txt"])
        #expect(fixture.entries("failed").isEmpty)
        #expect(fixture.entries("attempts").isEmpty)
        #expect(try fixture.database.status().articles == 1)
    }

    /// Regression: a file stored before the death (which then came during the archive move) was
    /// archived at the next start with its marker left, to count against the next file of the
    /// same name.
    @Test(.timeLimit(.minutes(1))) func aFileStoredBeforeTheDeathLeavesNoMarker() async throws {
        let fixture = try IntakeFixture()
        let original = try fixture.drop("latest.txt", articleText(35))
        _ = await fixture.service().ingest(file: original, keepOriginal: true)
        try FileManager.default.createDirectory(
            atPath: fixture.configuration.workDirectory, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: original, toPath: fixture.configuration.workDirectory + "/latest.txt")
        try leaveMarker(fixture, for: "latest.txt", attempts: 1, stage: "store")

        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 60) { service.counters.recovered == 1 })
        }
        #expect(fixture.names("archive") == ["latest.txt"])
        #expect(fixture.entries("attempts").isEmpty)
    }

    @Test(.timeLimit(.minutes(1))) func theLimitIsASetting() async throws {
        let fixture = try IntakeFixture { $0.maxAttempts = 5 }
        try fixture.drop("twice.txt", articleText(33), in: "state/work")
        try leaveMarker(fixture, for: "twice.txt", attempts: 4)
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 60) { fixture.entries("work").isEmpty })
        }
        #expect(fixture.names("archive") == ["twice.txt"])
    }

    @Test(.timeLimit(.minutes(1))) func staleMarkersAreRemovedAndFinishedFilesLeaveNone() async throws {
        let fixture = try IntakeFixture()
        try leaveMarker(fixture, for: "gone.txt", attempts: 1)
        try fixture.drop("new.txt", articleText(34))
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 60) { fixture.names("archive") == ["new.txt"] })
        }
        #expect(fixture.entries("attempts").isEmpty)
    }
}
