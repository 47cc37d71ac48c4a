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
        let original = try fixture.drop("committed.txt", articleText(21))
        guard case .stored(let ids, _) = await fixture.service().ingest(file: original, keepOriginal: true) else {
            Issue.record("setup: expected the article to be stored")
            return
        }
        #expect(ids.count == 1)
        let id = ids[0]
        try FileManager.default.createDirectory(
            atPath: fixture.configuration.workDirectory, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: original, toPath: fixture.configuration.workDirectory + "/committed.txt")

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

    /// The article was committed with the archive path reserved for it, and the process died
    /// before the rename: the next start archives the file and stores where it really went.
    @Test(.timeLimit(.minutes(1))) func fileCommittedWithItsArchivePathButNotMovedIsArchived() async throws {
        let fixture = try IntakeFixture()
        let original = try fixture.drop("reserved.txt", articleText(23))
        guard case .stored(let ids, _) = await fixture.service().ingest(file: original, keepOriginal: true) else {
            Issue.record("setup: expected the article to be stored")
            return
        }
        let reserved = fixture.configuration.archiveDirectory + "/2020/01/01/reserved.txt"
        try fixture.database.setArchivePath(articleID: ids[0], path: reserved)
        try FileManager.default.createDirectory(
            atPath: fixture.configuration.workDirectory, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: original, toPath: fixture.configuration.workDirectory + "/reserved.txt")

        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually { service.counters.recovered == 1 })
        }
        #expect(fixture.entries("work").isEmpty)
        let archived = try #require(try fixture.database.articleDetails(id: ids[0])?.archivePath)
        #expect(archived != reserved && archived.hasSuffix("/reserved.txt"))
        #expect(FileManager.default.fileExists(atPath: archived))
    }

    /// Regression: a copy of a stored article claimed just before a crash lost its duplicate
    /// sighting, because a file taken up from `work/` never recorded one.
    @Test(.timeLimit(.minutes(1))) func copyLeftInWorkGetsItsSightingOnce() async throws {
        let fixture = try IntakeFixture()
        let original = try fixture.drop("first.txt", articleText(22))
        guard case .stored = await fixture.service().ingest(file: original, keepOriginal: false) else {
            Issue.record("setup: expected the article to be stored")
            return
        }
        // Claimed, then the process died before the sighting was written.
        try fixture.drop("copy.txt", articleText(22), in: "state/work")
        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually { service.counters.recovered == 1 })
        }
        #expect(try fixture.database.status().duplicates == 1)
        #expect(fixture.names("archive") == ["copy.txt", "first.txt"])

        // Had the sighting been written before the death, it is not written twice.
        try fixture.drop("copy.txt", articleText(22), in: "state/work")
        let again = fixture.service()
        try await fixture.whileRunning(again) {
            #expect(await IntakeFixture.eventually { again.counters.recovered == 1 })
        }
        #expect(try fixture.database.status().duplicates == 1)
    }
}
