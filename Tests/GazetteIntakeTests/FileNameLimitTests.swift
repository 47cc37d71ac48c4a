import Foundation
import GazetteIntake
import GazetteStore
import Glibc
import Testing

/// Names the intake once could not handle: not UTF-8, or at the filesystem's 255-byte limit.
@Suite struct FileNameLimitTests {
    /// Regression: a name that is not valid UTF-8 stayed in the inbox for ever, with no log line.
    @Test(.timeLimit(.minutes(4))) func aNameThatIsNotUTF8IsRenamedAndIngested() async throws {
        let fixture = try IntakeFixture()
        let raw = Array(fixture.configuration.inbox.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let descriptor = raw.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        let text = Array(articleText(41).utf8)
        #expect(write(descriptor, text, text.count) == text.count)
        close(descriptor)
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 180) { service.counters.ingested == 1 })
        }
        #expect(fixture.names("archive") == ["caf_.txt"])
        #expect(fixture.entries("inbox").isEmpty)
    }

    /// Regression: a second article with a 255-byte name could not be archived (the `(1)`
    /// suffix passed NAME_MAX) and stayed in `work/`; an empty one got no `.error.json`.
    @Test func namesAtTheLimitAreArchivedAndReported() async throws {
        let fixture = try IntakeFixture()
        let name = String(repeating: "a", count: 251) + ".txt"
        #expect(name.utf8.count == 255)
        for n in [42, 43] {
            let path = try fixture.drop(name, articleText(n))
            guard case .stored = await fixture.service().ingest(file: path, keepOriginal: false) else {
                Issue.record("article \(n) was not stored")
                return
            }
        }
        let archived = fixture.names("archive")
        #expect(archived.count == 2)
        #expect(archived.allSatisfy { $0.utf8.count <= 255 && $0.hasSuffix(".txt") })
        #expect(archived.contains { $0.hasSuffix(" (1).txt") })
        #expect(fixture.entries("work").isEmpty)

        let empty = try fixture.drop(String(repeating: "e", count: 251) + ".txt", "")
        guard case .failed(_, let quarantined?) = await fixture.service().ingest(file: empty, keepOriginal: false)
        else {
            Issue.record("the empty file was not quarantined")
            return
        }
        let reports = fixture.entries("failed").filter { $0.hasSuffix(".error.json") }
        #expect(reports.count == 1)
        #expect(reports.allSatisfy { $0.utf8.count <= 255 })
        #expect(quarantined.hasSuffix(String(repeating: "e", count: 251) + ".txt"))
    }
}
