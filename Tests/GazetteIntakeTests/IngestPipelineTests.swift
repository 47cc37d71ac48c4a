import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import Synchronization
import Testing

/// One file at a time through `ingest(file:keepOriginal:)`: the daemon's pipeline without the watcher.
@Suite struct IngestPipelineTests {
    @Test func goodFileIsStoredThenArchived() async throws {
        let fixture = try IntakeFixture()
        let path = try fixture.drop("council.txt", articleText(1))
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        guard case .stored(let ids, let archived?) = outcome else {
            Issue.record("expected stored and archived, got \(outcome)")
            return
        }
        #expect(ids.count == 1)
        let id = ids[0]
        #expect(archived.hasPrefix(fixture.configuration.archiveDirectory + "/"))
        #expect(archived.hasSuffix("/council.txt"))
        #expect(FileManager.default.contents(atPath: archived) == Data(articleText(1).utf8))
        #expect(fixture.entries("inbox").isEmpty)
        #expect(fixture.entries("work").isEmpty)
        let record = try #require(try fixture.database.record(id: id))
        #expect(record.body.contains("cycle lanes"))
        #expect(try fixture.database.status().articles == 1)
    }

    /// Regression: a world-readable dropped file stayed world-readable in the archive.
    @Test func archivedAndQuarantinedOriginalsAreNotWorldReadable() async throws {
        let fixture = try IntakeFixture()
        let good = try fixture.drop("council.txt", articleText(1))
        let empty = try fixture.drop("empty.txt", "")
        for path in [good, empty] { #expect(chmod(path, 0o666) == 0) }
        guard case .stored(_, let archived?) = await fixture.service().ingest(file: good, keepOriginal: false),
            case .failed(_, let quarantined?) = await fixture.service().ingest(file: empty, keepOriginal: false)
        else {
            Issue.record("expected one archived and one quarantined file")
            return
        }
        for path in [archived, quarantined] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o640, "\(path)")
        }
    }

    /// Regression: with `archive/` on another filesystem every file stayed in `work/` with
    /// "Invalid cross-device link", for ever.
    @Test func anArchiveOnAnotherFilesystemIsFilledByCopying() async throws {
        let fixture = try IntakeFixture()
        let elsewhere = "/dev/shm/gazette-archive-\(UUID().uuidString.prefix(8))"
        guard let shm = try? FileManager.default.attributesOfFileSystem(forPath: "/dev/shm")[.systemNumber] as? Int,
            let tmp = try? FileManager.default.attributesOfFileSystem(forPath: fixture.folder.url.path)[.systemNumber]
                as? Int,
            shm != tmp
        else { return }  // no second filesystem on this machine
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try FileManager.default.createDirectory(
            atPath: fixture.configuration.stateDirectory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.configuration.archiveDirectory, withDestinationPath: elsewhere)
        let path = try fixture.drop("council.txt", articleText(1))
        guard case .stored(_, let archived?) = await fixture.service().ingest(file: path, keepOriginal: false) else {
            Issue.record("expected stored and archived")
            return
        }
        #expect(FileManager.default.contents(atPath: archived) == Data(articleText(1).utf8))
        #expect(fixture.entries("work").isEmpty)
    }

    @Test func archiveFolderIsTheUTCDay() async throws {
        let fixture = try IntakeFixture()
        let path = try fixture.drop("council.txt", articleText(1))
        _ = await fixture.service().ingest(file: path, keepOriginal: false)
        let entry = try #require(fixture.entries("archive").first)
        let parts = entry.split(separator: "/")
        #expect(parts.count == 4)
        #expect(parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2)
    }

    @Test func latin1FileIsDecodedAndStored() async throws {
        let fixture = try IntakeFixture()
        let text = articleText(2) + "\nThe café owner in Zürich said the plan was “très bien”, naïve or not.\n"
        let bytes = try #require(
            text.replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
                .data(using: .isoLatin1))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let path = try fixture.drop("latin1.txt", Array(bytes))
        let outcome = await fixture.service().ingest(file: path, keepOriginal: false)
        guard case .stored(let ids, _) = outcome else {
            Issue.record("expected stored, got \(outcome)")
            return
        }
        #expect(ids.count == 1)
        let id = ids[0]
        let record = try #require(try fixture.database.record(id: id))
        #expect(record.body.contains("café owner in Zürich"))
        #expect(record.source.encoding != "utf-8")
    }

    @Test func duplicateBytesMakeOneArticleAndASighting() async throws {
        let fixture = try IntakeFixture()
        let service = fixture.service()
        let first = await service.ingest(file: try fixture.drop("first.txt", articleText(3)), keepOriginal: false)
        let second = await service.ingest(file: try fixture.drop("second.txt", articleText(3)), keepOriginal: false)
        guard case .stored(let ids, _) = first, case .duplicate(let same, _) = second else {
            Issue.record("expected stored then duplicate, got \(first), \(second)")
            return
        }
        #expect(ids.count == 1)
        let id = ids[0]
        #expect(id == same)
        let status = try fixture.database.status()
        #expect(status.articles == 1)
        #expect(status.duplicates == 1)
        #expect(fixture.names("archive") == ["first.txt", "second.txt"])
        #expect(service.counters.ingested == 1)
        #expect(service.counters.duplicates == 1)
    }

    @Test func archiveNameCollisionsAreNumbered() async throws {
        let fixture = try IntakeFixture()
        let service = fixture.service()
        for seed in 4...6 {
            _ = await service.ingest(file: try fixture.drop("report.txt", articleText(seed)), keepOriginal: false)
        }
        #expect(fixture.names("archive") == ["report (1).txt", "report (2).txt", "report.txt"])
        #expect(try fixture.database.status().articles == 3)
    }

    @Test func deleteModeRemovesTheOriginalAfterCommit() async throws {
        let fixture = try IntakeFixture { $0.afterIngest = .delete }
        let outcome = await fixture.service().ingest(
            file: try fixture.drop("a.txt", articleText(7)), keepOriginal: false)
        guard case .stored(let ids, nil) = outcome else {
            Issue.record("expected stored without archive path, got \(outcome)")
            return
        }
        #expect(ids.count == 1)
        let id = ids[0]
        #expect(fixture.entries("archive").isEmpty)
        #expect(fixture.entries("inbox").isEmpty)
        #expect(try fixture.database.rawBytes(id: id) == Array(articleText(7).utf8))
    }

    @Test func keepOriginalLeavesTheUsersFile() async throws {
        let fixture = try IntakeFixture()
        let path = try fixture.drop("mine.txt", articleText(8), in: "documents")
        let outcome = await fixture.service().ingest(file: path, keepOriginal: true)
        guard case .stored(_, nil) = outcome else {
            Issue.record("expected stored in place, got \(outcome)")
            return
        }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(fixture.entries("archive").isEmpty)

        let empty = try fixture.drop("empty.txt", "", in: "documents")
        guard case .failed(.empty, nil) = await fixture.service().ingest(file: empty, keepOriginal: true) else {
            Issue.record("expected a refusal left in place")
            return
        }
        #expect(FileManager.default.fileExists(atPath: empty))
        #expect(try fixture.database.status().failed == 1)
    }

    @Test func missingFileIsReported() async throws {
        let fixture = try IntakeFixture()
        let outcome = await fixture.service().ingest(file: fixture.folder.path("nope.txt"), keepOriginal: false)
        guard case .failed(.unreadable, nil) = outcome else {
            Issue.record("expected unreadable, got \(outcome)")
            return
        }
    }

    /// Regression: with the disk full or the database locked, claimed files stayed in `work/`
    /// until a restart. Now the daemon retries them with backoff, takes no new files meanwhile,
    /// and says it is unhealthy.
    @Test(.timeLimit(.minutes(4))) func aTransientStoreFailureIsRetriedWithoutARestart() async throws {
        let fixture = try IntakeFixture()
        let service = IngestService(
            configuration: fixture.configuration, store: FlakyStore(database: fixture.database, failures: 2),
            extractor: Extractor(), logger: IntakeFixture.logger)
        try fixture.drop("a.txt", articleText(10))
        let sawTrouble = Mutex(false)
        try await fixture.whileRunning(service) {
            #expect(
                await IntakeFixture.eventually(within: 180) {
                    if !service.counters.isHealthy { sawTrouble.withLock { $0 = true } }
                    return service.counters.ingested == 1
                })
        }
        #expect(sawTrouble.withLock { $0 })
        #expect(service.counters.isHealthy)
        #expect(fixture.names("archive") == ["a.txt"])
        #expect(fixture.entries("work").isEmpty)
    }

    /// Regression: a copy whose sighting failed for a transient reason was retried as a file
    /// taken up from `work/`, which recorded no sighting.
    @Test(.timeLimit(.minutes(4))) func aCopyWhoseSightingFailedGetsItWhenRetried() async throws {
        let fixture = try IntakeFixture()
        _ = await fixture.service().ingest(file: try fixture.drop("first.txt", articleText(11)), keepOriginal: false)
        let service = IngestService(
            configuration: fixture.configuration,
            store: FlakyStore(database: fixture.database, failures: 1, failing: [.sighting]),
            extractor: Extractor(), logger: IntakeFixture.logger)
        try fixture.drop("second.txt", articleText(11))
        try await fixture.whileRunning(service) {
            #expect(
                await IntakeFixture.eventually(within: 180) {
                    fixture.entries("inbox").isEmpty && fixture.entries("work").isEmpty
                })
        }
        #expect(try fixture.database.status().duplicates == 1)
        #expect(fixture.names("archive") == ["first.txt", "second.txt"])
    }

    /// A claimed file's archive path is stored with its articles, in the ingest's own commit: the
    /// rename follows, and no second write is needed (here every such write would fail). A death
    /// between the commit and the rename leaves the file in `work/` for the next start
    /// (`CrashRecoveryTests`).
    @Test(.timeLimit(.minutes(4))) func theArchivePathIsStoredInTheIngestCommit() async throws {
        let fixture = try IntakeFixture()
        let service = IngestService(
            configuration: fixture.configuration,
            store: FlakyStore(database: fixture.database, failures: .max, failing: [.archivePath]),
            extractor: Extractor(), logger: IntakeFixture.logger)
        try fixture.drop("a.txt", articleText(12))
        try fixture.drop("b.txt", articleText(13))
        try await fixture.whileRunning(service) {
            #expect(
                await IntakeFixture.eventually(within: 180) {
                    fixture.entries("work").isEmpty && fixture.names("archive") == ["a.txt", "b.txt"]
                })
        }
        for id: Int64 in [1, 2] {
            let details = try #require(try fixture.database.articleDetails(id: id))
            let archived = try #require(details.archivePath)
            #expect(archived.hasPrefix(fixture.configuration.archiveDirectory + "/"))
            #expect(FileManager.default.fileExists(atPath: archived))
        }
    }

    @Test func storeFailureLeavesTheFileInWork() async throws {
        let fixture = try IntakeFixture()
        let service = IngestService(
            configuration: fixture.configuration, store: FailingStore(), extractor: Extractor(),
            logger: IntakeFixture.logger)
        let outcome = await service.ingest(file: try fixture.drop("a.txt", articleText(9)), keepOriginal: false)
        guard case .deferred = outcome else {
            Issue.record("expected deferred, got \(outcome)")
            return
        }
        #expect(fixture.entries("work") == ["a.txt"])
        #expect(fixture.entries("archive").isEmpty)
    }
}

/// A store whose disk is always full.
struct FailingStore: IntakeStore {
    struct DiskFull: Error {}
    func ingest(file articles: [NewArticle]) throws -> IngestOutcome { throw DiskFull() }
    func articleID(sha256: String) throws -> Int64? { nil }
    func recordSighting(articleID: Int64, path: String, at date: Date) throws { throw DiskFull() }
    func recordSightingIfNew(articleID: Int64, path: String, at date: Date) throws { throw DiskFull() }
    func setArchivePath(articleID: Int64, path: String?) throws { throw DiskFull() }
    func recordFailure(_ failure: IngestFailure) throws { throw DiskFull() }
}

/// A store that fails its first `failures` writes among `failing` (a locked database, a full
/// disk), then works.
final class FlakyStore: IntakeStore, Sendable {
    enum Write: Sendable { case ingest, sighting, archivePath }
    let database: GazetteDatabase
    let failuresLeft: Mutex<Int>
    let failing: Set<Write>

    init(database: GazetteDatabase, failures: Int, failing: Set<Write> = [.ingest, .sighting, .archivePath]) {
        self.database = database
        failuresLeft = Mutex(failures)
        self.failing = failing
    }

    private func fail(_ write: Write) throws {
        guard failing.contains(write) else { return }
        let failing = failuresLeft.withLock { left in
            defer { left = max(0, left - 1) }
            return left > 0
        }
        if failing { throw FailingStore.DiskFull() }
    }

    func ingest(file articles: [NewArticle]) throws -> IngestOutcome {
        try fail(.ingest)
        return try database.ingest(file: articles)
    }
    func articleID(sha256: String) throws -> Int64? { try database.articleID(sha256: sha256) }
    func recordSighting(articleID: Int64, path: String, at date: Date) throws {
        try fail(.sighting)
        try database.recordSighting(articleID: articleID, path: path, at: date)
    }
    func recordSightingIfNew(articleID: Int64, path: String, at date: Date) throws {
        try fail(.sighting)
        try database.recordSightingIfNew(articleID: articleID, path: path, at: date)
    }
    func recordFailure(_ failure: IngestFailure) throws { try database.recordFailure(failure) }
    func setArchivePath(articleID: Int64, path: String?) throws {
        try fail(.archivePath)
        try database.setArchivePath(articleID: articleID, path: path)
    }
}
