import Foundation
import GazetteIntake
import GazetteStore
import Glibc
import Testing

/// Every kind of bad input ends in `failed/` with a readable `.error.json` and a failure row,
/// and leaves nothing in the inbox or `work/`.
@Suite struct RefusalTests {
    private func expectQuarantined(
        _ fixture: IntakeFixture, _ name: String, stage: String, reasonContains: String,
        outcome: FileOutcome, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard case .failed(_, let path) = outcome else {
            Issue.record("expected a refusal, got \(outcome)", sourceLocation: sourceLocation)
            return
        }
        #expect(path == fixture.configuration.failedDirectory + "/" + name, sourceLocation: sourceLocation)
        #expect(fixture.entries("failed") == [name, name + ".error.json"], sourceLocation: sourceLocation)
        #expect(fixture.entries("inbox").isEmpty, sourceLocation: sourceLocation)
        #expect(fixture.entries("work").isEmpty, sourceLocation: sourceLocation)
        let report = try fixture.errorReport(name)
        #expect(report["file"] as? String == name, sourceLocation: sourceLocation)
        #expect(report["stage"] as? String == stage, sourceLocation: sourceLocation)
        let reason = report["reason"] as? String ?? ""
        #expect(reason.localizedCaseInsensitiveContains(reasonContains), "\(reason)", sourceLocation: sourceLocation)
        #expect(report["at"] is String, sourceLocation: sourceLocation)
        #expect(try fixture.database.status().failed == 1, sourceLocation: sourceLocation)
    }

    @Test func symlinkIsRefused() async throws {
        let fixture = try IntakeFixture()
        let target = try fixture.drop("target.txt", articleText(1), in: "elsewhere")
        let link = fixture.configuration.inbox + "/link.txt"
        #expect(symlink(target, link) == 0)
        let outcome = await fixture.service().ingest(file: link, keepOriginal: false)
        try expectQuarantined(fixture, "link.txt", stage: "claim", reasonContains: "symbolic link", outcome: outcome)
        // The link's target is untouched.
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func directoryIsRefused() async throws {
        let fixture = try IntakeFixture()
        let path = fixture.configuration.inbox + "/folder.txt"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        try expectQuarantined(fixture, "folder.txt", stage: "claim", reasonContains: "directory", outcome: outcome)
    }

    @Test(.timeLimit(.minutes(1))) func fifoIsRefusedWithoutBlocking() async throws {
        let fixture = try IntakeFixture()
        let path = fixture.configuration.inbox + "/pipe.txt"
        #expect(mkfifo(path, 0o644) == 0)
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        try expectQuarantined(fixture, "pipe.txt", stage: "claim", reasonContains: "FIFO", outcome: outcome)
    }

    @Test func emptyFileIsRefused() async throws {
        let fixture = try IntakeFixture()
        let path = try fixture.drop("empty.txt", "")
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        try expectQuarantined(fixture, "empty.txt", stage: "read", reasonContains: "empty", outcome: outcome)
        #expect(try fixture.errorReport("empty.txt")["size"] as? Int == 0)
    }

    @Test func oversizeFileIsRefused() async throws {
        let fixture = try IntakeFixture { $0.maxFileSize = 100 }
        let path = try fixture.drop("big.txt", String(repeating: "word ", count: 50))
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        try expectQuarantined(fixture, "big.txt", stage: "read", reasonContains: "limit of 100 bytes", outcome: outcome)
        #expect(try fixture.errorReport("big.txt")["size"] as? Int == 250)
    }

    @Test func binaryFileIsRefusedWithItsHash() async throws {
        let fixture = try IntakeFixture()
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let path = try fixture.drop("image.txt", bytes)
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        // Known by its signature: the refusal names the format.
        try expectQuarantined(fixture, "image.txt", stage: "format", reasonContains: "an image (PNG)", outcome: outcome)
        let report = try fixture.errorReport("image.txt")
        #expect(report["size"] as? Int == bytes.count)
        #expect((report["sha256"] as? String)?.count == 64)
    }

    @Test func sameNameRefusedTwiceKeepsBoth() async throws {
        let fixture = try IntakeFixture()
        let service = fixture.service()
        for _ in 0..<2 {
            let path = try fixture.drop("empty.txt", "")
            _ = await service.ingest(file: path, keepOriginal: false)
        }
        #expect(fixture.names("failed") == ["empty (1).txt", "empty.txt"])
        #expect(try fixture.errorReport("empty (1).txt")["file"] as? String == "empty.txt")
    }
}
