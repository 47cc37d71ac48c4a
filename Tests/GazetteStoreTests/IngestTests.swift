import Foundation
import GRDB
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Ingest")
struct IngestTests {
    @Test("ingest then record(id:) gives back the input record")
    func roundTrip() throws {
        let database = try GazetteDatabase.inMemory()
        let record = SampleArticles.record()
        let outcome = try database.ingest(SampleArticles.article(record))
        guard case .stored(let ids) = outcome else {
            Issue.record("expected a stored article, got \(outcome)")
            return
        }
        #expect(ids.count == 1)
        let id = ids[0]
        #expect(try database.record(id: id) == record)
        #expect(try database.rawBytes(id: id) == SampleArticles.article(record).raw)
        #expect(try database.articleID(sha256: record.source.sha256) == id)
        #expect(try database.record(id: id + 1) == nil)
    }

    @Test("a minimal record with no lists and no optional fields round-trips")
    func minimalRoundTrip() throws {
        let database = try GazetteDatabase.inMemory()
        var record = ExtractionRecord(
            source: .init(
                path: "a.md", sha256: String(repeating: "0", count: 64), format: .markdown, encoding: "windows-1252",
                bytes: 0))
        record.body = ""
        let id = try database.ingest(
            NewArticle(record: record, raw: [], receivedPath: "inbox/a.md", receivedAt: Date())
        ).id
        #expect(try database.record(id: id) == record)
    }

    @Test("the same bytes twice: one article, one sighting, .duplicate")
    func duplicate() throws {
        let database = try GazetteDatabase.inMemory()
        let first = try database.ingest(SampleArticles.article())
        var again = SampleArticles.article()
        again.receivedPath = "inbox/copy.txt"
        let second = try database.ingest(again)
        #expect(second == .duplicate(id: first.id))
        let status = try database.status()
        #expect(status.articles == 1)
        #expect(status.duplicates == 1)
        let entityRows = try database.read("test") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_entities")
        }
        #expect(entityRows == SampleArticles.entities.count)
        let paths = try database.read("test") { db in
            try String.fetchAll(db, sql: "SELECT path FROM duplicate_sightings")
        }
        #expect(paths == ["inbox/copy.txt"])
    }

    @Test("failures and sightings are counted in status")
    func statusCounts() throws {
        let clock = Date(timeIntervalSince1970: 1_764_000_000)
        let database = try GazetteDatabase.inMemory(now: { clock })
        let id = try database.ingest(SampleArticles.article()).id
        try database.recordSighting(articleID: id, path: "inbox/again.txt", at: clock)
        try database.recordFailure(
            IngestFailure(
                fileName: "empty.txt", reason: "the file is empty", stage: "claim", size: 0,
                at: clock.addingTimeInterval(-60)))
        try database.recordFailure(
            IngestFailure(
                fileName: "blob.bin", reason: "the file is binary", stage: "decode", size: 12, sha256: "ab",
                at: clock.addingTimeInterval(30), quarantinePath: "state/failed/blob.bin"))
        let status = try database.status()
        #expect(status.articles == 1)
        #expect(status.failed == 2)
        #expect(status.duplicates == 1)
        #expect(status.lastIngestAt == clock)
        #expect(status.lastError == "the file is binary")
        #expect(status.lastErrorAt == clock.addingTimeInterval(30))
        #expect(status.databaseBytes > 0)
    }

    @Test("the archive path is set and cleared; unknown ids are reported")
    func archivePath() throws {
        let database = try GazetteDatabase.inMemory()
        let id = try database.ingest(SampleArticles.article()).id
        try database.setArchivePath(articleID: id, path: "archive/2025/02/11/putin-rubio.txt")
        let stored = try database.read("test") { db in try String.fetchOne(db, sql: "SELECT archive_path FROM articles")
        }
        #expect(stored == "archive/2025/02/11/putin-rubio.txt")
        try database.setArchivePath(articleID: id, path: nil)
        #expect(throws: StoreError.articleNotFound(id: 99)) {
            try database.setArchivePath(articleID: 99, path: "x")
        }
        #expect(throws: StoreError.articleNotFound(id: 99)) {
            try database.recordSighting(articleID: 99, path: "x", at: Date())
        }
        #expect(StoreError.articleNotFound(id: 99).description == "There is no article with id 99.")
    }

    @Test("summaries list the newest first")
    func summaries() throws {
        let start = Date(timeIntervalSince1970: 1_764_000_000)
        let clock = SteppingClock(start: start, step: 1)
        let database = try GazetteDatabase.inMemory(now: clock.next)
        for title in ["First", "Second", "Third"] {
            _ = try database.ingest(SampleArticles.article(SampleArticles.record(title: title)))
        }
        let summaries = try database.articleSummaries(limit: 2)
        #expect(summaries.map(\.title) == ["Third", "Second"])
        #expect(summaries.first?.publication == "The Guardian")
        #expect(summaries.first?.publishedAt == "2025-02-11T09:30:00Z")
        #expect(summaries.first?.ingestedAt == start.addingTimeInterval(2))
    }

    @Test("mentions store the body text they point at; quotes link their speaker")
    func derivedColumns() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try database.ingest(SampleArticles.article())
        let surfaces = try database.read("test") { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT surface FROM mentions JOIN entities ON entities.id = entity_id
                     WHERE entities.name = 'Vladimir Putin' ORDER BY start
                    """)
        }
        #expect(surfaces == ["Vladimir Putin", "Putin"])
        let speakers = try database.read("test") { db in
            try String?.fetchAll(
                db,
                sql: """
                    SELECT entities.name FROM quotes LEFT JOIN entities ON entities.id = speaker_entity_id ORDER BY position
                    """)
        }
        #expect(speakers == ["Vladimir Putin", nil])
    }

    @Test("a failure part-way through an ingest leaves nothing behind")
    func atomic() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        // A second connection plants a trigger that makes the last step of an ingest fail.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER fail_keyphrases BEFORE INSERT ON keyphrases
                    BEGIN SELECT RAISE(ABORT, 'planted failure'); END
                    """)
        }
        #expect {
            _ = try database.ingest(SampleArticles.article())
        } throws: { error in
            (error as? StoreError)?.description
                == "The database failed during ingest (SQLite error 19): planted failure."
        }
        let leftovers = try database.read("test") { db in
            try [
                "articles", "entities", "article_entities", "mentions", "quotes", "publications", "authors",
                "article_fts",
            ]
            .map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(leftovers == Array(repeating: 0, count: 8))
        #expect(try database.search(SearchQuery(text: "trillion")).isEmpty)
    }
}
