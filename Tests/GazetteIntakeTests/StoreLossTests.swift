import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import ServiceLifecycle
import Testing

/// Regression (issue 14.8): with its database deleted the daemon went on ingesting into the
/// deleted file, archived the originals and logged nothing. Now the intake stops, and no file is
/// archived whose article went to a lost file.
@Suite struct StoreLossTests {
    /// Deletes the database file in the middle of the next ingest, as `rm` during a transaction.
    final class VanishingStore: IntakeStore, Sendable {
        let database: GazetteDatabase
        let path: String

        init(path: String) throws {
            self.path = path
            database = try GazetteDatabase(path: path)
        }

        func ingest(file articles: [NewArticle]) throws -> IngestOutcome {
            unlink(path)
            return try database.ingest(file: articles)
        }
        func articleID(sha256: String) throws -> Int64? { try database.articleID(sha256: sha256) }
        func recordSighting(articleID: Int64, path: String, at date: Date) throws {
            try database.recordSighting(articleID: articleID, path: path, at: date)
        }
        func recordSightingIfNew(articleID: Int64, path: String, at date: Date) throws {
            try database.recordSightingIfNew(articleID: articleID, path: path, at: date)
        }
        func setArchivePath(articleID: Int64, path: String?) throws {
            try database.setArchivePath(articleID: articleID, path: path)
        }
        func recordFailure(_ failure: IngestFailure) throws { try database.recordFailure(failure) }
        func checkFileInPlace() throws { try database.checkFileInPlace() }
    }

    @Test func aCommitToADeletedFileLeavesTheOriginalInWork() async throws {
        let fixture = try IntakeFixture()
        let store = try VanishingStore(path: fixture.folder.path("state/gazette.sqlite"))
        let service = IngestService(
            configuration: fixture.configuration, store: store, extractor: Extractor(), logger: IntakeFixture.logger)
        let outcome = await service.ingest(file: try fixture.drop("a.txt", articleText(1)), keepOriginal: false)
        guard case .stopped(let reason, let path?) = outcome else {
            Issue.record("expected stopped, got \(outcome)")
            return
        }
        #expect(reason.contains("was deleted"))
        #expect(path.hasSuffix("/work/a.txt"))
        #expect(fixture.entries("work") == ["a.txt"])
        #expect(fixture.entries("archive").isEmpty)
    }

    @Test func theDaemonsIntakeStopsWithAnErrorAndClaimsNothingMore() async throws {
        let fixture = try IntakeFixture()
        let path = fixture.folder.path("state/gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        let service = IngestService(
            configuration: fixture.configuration, store: database, extractor: Extractor(), logger: IntakeFixture.logger)
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [], logger: IntakeFixture.logger))
        let running = Task { try await group.run() }
        try fixture.drop("a.txt", articleText(1))
        #expect(await IntakeFixture.eventually(within: 180) { service.counters.ingested == 1 })

        #expect(unlink(path) == 0)
        try fixture.drop("b.txt", articleText(2))
        await #expect {
            try await running.value
        } throws: { error in
            guard case .storeLost(let reason) = error as? IntakeError else { return false }
            return reason.contains("was deleted") && reason.contains("gazette rebuild")
        }
        #expect(fixture.names("archive") == ["a.txt"])
        #expect(fixture.entries("inbox") == ["b.txt"])
        #expect(fixture.entries("work").isEmpty)
    }

    /// Regression: a lost database was noticed only when the next file arrived; an idle daemon
    /// went on as if nothing had happened. The intake checks its file on a timer too.
    @Test(.timeLimit(.minutes(1))) func anIdleIntakeStopsWhenItsDatabaseIsDeleted() async throws {
        let fixture = try IntakeFixture()
        let path = fixture.folder.path("state/gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        let service = IngestService(
            configuration: fixture.configuration, store: database, extractor: Extractor(), logger: IntakeFixture.logger)
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [], logger: IntakeFixture.logger))
        let running = Task { try await group.run() }
        try fixture.drop("a.txt", articleText(1))
        #expect(await IntakeFixture.eventually(within: 50) { service.counters.ingested == 1 })

        #expect(unlink(path) == 0)
        await #expect {
            try await running.value
        } throws: { error in
            guard case .storeLost(let reason) = error as? IntakeError else { return false }
            return reason.contains("was deleted")
        }
        #expect(fixture.names("archive") == ["a.txt"])
    }
}
