import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Testing

/// Whatever a killed daemon left in `work/` is finished at the next start, and never stored twice.
@Suite struct CrashRecoveryTests {
    @Test(.timeLimit(.minutes(1))) func fileLeftInWorkIsIngestedAtStartup() async throws {
        let fixture = try IntakeFixture()
        try fixture.drop("interrupted.txt", articleText(20), in: "state/work")
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(
                await IntakeFixture.eventually {
                    fixture.entries("work").isEmpty && !fixture.entries("archive").isEmpty
                })
        }
        #expect(fixture.names("archive") == ["interrupted.txt"])
        #expect(try fixture.database.status().articles == 1)
        #expect(service.counters.ingested == 1)
    }

    @Test(.timeLimit(.minutes(1))) func storedFileLeftInWorkIsOnlyArchived() async throws {
        let fixture = try IntakeFixture()
        // The daemon committed the article, then died before moving the file.
        let original = try fixture.drop("committed.txt", articleText(21), in: "documents")
        guard case .stored(let ids, _) = await fixture.service().ingest(file: original, keepOriginal: true) else {
            Issue.record("setup: expected the article to be stored")
            return
        }
        #expect(ids.count == 1)
        let id = ids[0]
        try fixture.drop("committed.txt", articleText(21), in: "state/work")

        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually { service.counters.recovered == 1 })
        }
        #expect(fixture.entries("work").isEmpty)
        #expect(fixture.names("archive") == ["committed.txt"])
        let status = try fixture.database.status()
        #expect(status.articles == 1)
        #expect(status.duplicates == 0)
        #expect(service.counters.ingested == 0)
        let record = try #require(try fixture.database.record(id: id))
        #expect(record.body.contains("cycle lanes"))
    }
}
