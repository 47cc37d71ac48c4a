import Foundation
import GazetteTestSupport
import Glibc
import Testing

@testable import GazetteIntake

/// How files reach `failed/` and `archive/` so that a death of the process at any moment leaves
/// each in one whole place: a quarantined file never without its report, a copy across
/// filesystems never partial under its final name.
@Suite struct FilingAwayTests {
    /// A temporary named after a process above the kernel's pid_max (at most 2^22): never running.
    static let deadWritersTemporary = ".gazette-2147483000-0A1B2C3D.tmp"

    /// Regression: the file was renamed into `failed/` before its report was written, so a death
    /// in between left a quarantined file without its reason. The report now comes first, and a
    /// file whose report cannot be written is not quarantined: it waits in `work/`.
    @Test(.timeLimit(.minutes(1))) func aFileIsQuarantinedOnlyOnceItsReportIsWritten() async throws {
        let fixture = try IntakeFixture()
        // A folder where the report should go: writing the report fails.
        try FileManager.default.createDirectory(
            atPath: fixture.configuration.failedDirectory + "/empty.txt.error.json", withIntermediateDirectories: true)
        let path = try fixture.drop("empty.txt", "")
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        guard case .deferred(_, let retry?) = outcome else {
            Issue.record("expected the file to wait, got \(outcome)")
            return
        }
        #expect(retry.hasSuffix("/work/empty.txt"))
        #expect(fixture.entries("work") == ["empty.txt"])
        #expect(fixture.entries("failed") == ["empty.txt.error.json"])

        // Once the report can be written, the next start quarantines the file with it.
        try FileManager.default.removeItem(atPath: fixture.configuration.failedDirectory + "/empty.txt.error.json")
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 30) { service.counters.failed == 1 })
        }
        #expect(fixture.entries("failed") == ["empty.txt", "empty.txt.error.json"])
        #expect(try fixture.errorReport("empty.txt")["stage"] as? String == "read")
        #expect(fixture.entries("work").isEmpty)
    }

    /// What a death between the report and the move leaves: the report in `failed/`, the file
    /// still in `work/`. The next start quarantines the file under that name, its report
    /// rewritten, with no second copy or report.
    @Test(.timeLimit(.minutes(1))) func aReportLeftWithoutItsFileIsCompletedAtTheNextStart() async throws {
        let fixture = try IntakeFixture()
        try fixture.drop("empty.txt", "", in: "state/work")
        try fixture.drop("empty.txt.error.json", #"{"reason": "written before the death"}"#, in: "state/failed")
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 30) { service.counters.failed == 1 })
        }
        #expect(fixture.entries("failed") == ["empty.txt", "empty.txt.error.json"])
        let report = try fixture.errorReport("empty.txt")
        #expect((report["reason"] as? String)?.contains("empty") == true)
        #expect((report["quarantine_path"] as? String)?.hasSuffix("/failed/empty.txt") == true)
        #expect(fixture.entries("work").isEmpty)
    }

    /// Regression: a copy across filesystems was written under its final name, so a death during
    /// the copy left a partial file there. Now the whole copy waits under a temporary name until
    /// it takes its name, and the original goes last.
    @Test func aCopyTakesItsNameOnlyWhenWholeAndFlushed() throws {
        let folder = try TemporaryDirectory()
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let source = folder.path("source.txt")
        try bytes.write(to: URL(fileURLWithPath: source))
        let directory = folder.path("archive")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)

        let destination = try FileCopier.move(source, into: directory, name: "story.txt") { destination in
            #expect(destination == directory + "/story.txt")
            #expect(!FileManager.default.fileExists(atPath: destination))
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(names.count == 1 && names[0].hasPrefix(".gazette-\(getpid())-"))
            #expect(FileManager.default.contents(atPath: directory + "/" + names[0]) == bytes)
            #expect(FileManager.default.fileExists(atPath: source))
        }
        #expect(FileManager.default.contents(atPath: destination) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["story.txt"])
        #expect(!FileManager.default.fileExists(atPath: source))
    }

    /// A move stopped before the copy takes its name (here by the announcement failing) leaves
    /// the original and no temporary.
    @Test func aCopyStoppedBeforeItsNameLeavesTheOriginalAndNoTemporary() throws {
        struct Refused: Error {}
        let folder = try TemporaryDirectory()
        let source = folder.path("source.txt")
        try Data("The council met on Tuesday.".utf8).write(to: URL(fileURLWithPath: source))
        let directory = folder.path("failed")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(throws: Refused.self) {
            try FileCopier.move(source, into: directory, name: "story.txt") { _ in throw Refused() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        #expect(FileManager.default.fileExists(atPath: source))
    }

    /// The temporaries of copies and reports a killed process left in `work/`, `archive/` and
    /// `failed/` are removed when the intake starts; the one in `work/` is not taken for a file.
    @Test(.timeLimit(.minutes(1))) func temporariesOfAKilledCopyAreRemovedAtStart() async throws {
        let fixture = try IntakeFixture()
        for area in ["work", "archive", "failed"] {
            try fixture.drop(Self.deadWritersTemporary, "half a cop", in: "state/" + area)
        }
        try fixture.drop("council.txt", articleText(5))
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 30) { service.counters.ingested == 1 })
        }
        #expect(fixture.entries("work").isEmpty)
        #expect(fixture.entries("failed").isEmpty)
        #expect(fixture.names("archive") == ["council.txt"])
        #expect(service.counters.failed == 0)
    }
}
