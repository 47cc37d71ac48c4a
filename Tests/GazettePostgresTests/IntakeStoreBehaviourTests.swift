import Foundation
import GazetteExtraction
import GazettePostgres
import GazetteStore
import GazetteTestSupport
import Testing

/// One store of each kind, opened empty, behind what the intake and `gazette status` use.
struct StoreUnderTest {
    enum Kind: String, CustomTestStringConvertible {
        case sqlite, postgresql
        var testDescription: String { rawValue }

        /// SQLite always; PostgreSQL when a test server is set (PostgresStoreTests say when it is not).
        static var available: [Kind] { TestDatabase.serverURL == nil ? [.sqlite] : [.sqlite, .postgresql] }
    }

    let store: any IntakeStore
    let status: () throws -> StoreStatus
    /// What must live as long as the store (the test database, dropped after).
    private let owner: AnyObject?

    init(_ kind: Kind) throws {
        switch kind {
        case .sqlite:
            let database = try GazetteDatabase.inMemory()
            store = database
            status = database.status
            owner = nil
        case .postgresql:
            let database = try TestDatabase()
            let postgres = try PostgresStore(url: database.url, node: "node-a")
            store = postgres
            status = postgres.status
            owner = database
        }
    }
}

/// What the intake relies on, the same whichever store holds the articles.
struct IntakeStoreBehaviourTests {
    @Test(arguments: StoreUnderTest.Kind.available)
    func theSameBytesAreStoredOnceAndSeenAgain(kind: StoreUnderTest.Kind) throws {
        let subject = try StoreUnderTest(kind)
        let article = SampleArticles.article()
        guard case .stored(let ids) = try subject.store.ingest(file: [article]) else {
            Issue.record("expected the article to be stored")
            return
        }
        #expect(ids.count == 1)
        #expect(try subject.store.articleID(sha256: article.record.source.sha256) == ids[0])
        #expect(try subject.store.articleID(sha256: String(repeating: "0", count: 64)) == nil)

        var again = article
        again.receivedPath = "inbox/copy-of-putin-rubio.txt"
        #expect(try subject.store.ingest(file: [again]) == .duplicate(id: ids[0]))
        let status = try subject.status()
        #expect(status.articles == 1)
        #expect(status.duplicates == 1)
        #expect(status.lastIngestAt != nil)
        #expect(status.databaseBytes > 0)
    }

    @Test(arguments: StoreUnderTest.Kind.available)
    func aFileOfSeveralArticlesIsStoredTogetherAndKnownByItsHash(kind: StoreUnderTest.Kind) throws {
        let subject = try StoreUnderTest(kind)
        let raw = Array("<rss>two items</rss>".utf8)
        let parts = ["Ferries", "Lighthouse"].enumerated().map { index, title in
            var record = SampleArticles.record(
                title: title, body: "The \(title.lowercased()) story was told on Tuesday in Moscow.", entities: [],
                path: "inbox/feed.xml")
            record.source = .init(
                path: "inbox/feed.xml", sha256: SHA256.hex(of: raw), format: .feed, encoding: "utf-8",
                bytes: raw.count, part: "item \(index + 1)")
            record.quotes = []
            record.dates = []
            record.amounts = []
            return NewArticle(record: record, raw: raw, receivedPath: "inbox/feed.xml", receivedAt: Date())
        }
        guard case .stored(let ids) = try subject.store.ingest(file: parts) else {
            Issue.record("expected the parts to be stored")
            return
        }
        #expect(ids.count == 2)
        #expect(try subject.store.articleID(sha256: SHA256.hex(of: raw)) == ids[0])
        try subject.store.setArchivePath(articleID: ids[1], path: "archive/2026/12/03/feed.xml")
        #expect(throws: StoreError.articleNotFound(id: 999_999)) {
            try subject.store.setArchivePath(articleID: 999_999, path: nil)
        }
        #expect(try subject.status().articles == 2)
    }

    @Test(arguments: StoreUnderTest.Kind.available)
    func aSightingOfAFileTakenUpAgainIsRecordedOnce(kind: StoreUnderTest.Kind) throws {
        let subject = try StoreUnderTest(kind)
        let article = SampleArticles.article()
        let id = try subject.store.ingest(file: [article]).id
        // The article's own original, taken up again after a crash: no sighting.
        try subject.store.recordSightingIfNew(articleID: id, path: article.receivedPath, at: Date())
        #expect(try subject.status().duplicates == 0)
        try subject.store.recordSightingIfNew(articleID: id, path: "inbox/again.txt", at: Date())
        try subject.store.recordSightingIfNew(articleID: id, path: "inbox/again.txt", at: Date())
        #expect(try subject.status().duplicates == 1)
        try subject.store.recordSighting(articleID: id, path: "inbox/again.txt", at: Date())
        #expect(try subject.status().duplicates == 2)
        #expect(throws: StoreError.articleNotFound(id: id + 100)) {
            try subject.store.recordSighting(articleID: id + 100, path: "inbox/x.txt", at: Date())
        }
    }

    @Test(arguments: StoreUnderTest.Kind.available)
    func aRefusedFileIsCountedWithItsReason(kind: StoreUnderTest.Kind) throws {
        let subject = try StoreUnderTest(kind)
        let at = Date(timeIntervalSince1970: 1_764_748_800)
        try subject.store.recordFailure(
            IngestFailure(
                fileName: "scan.pdf", reason: "a PDF document, not an article", stage: "format", size: 1200,
                sha256: nil, at: at, quarantinePath: "failed/scan.pdf"))
        let status = try subject.status()
        #expect(status.failed == 1)
        #expect(status.lastError == "a PDF document, not an article")
        #expect(status.lastErrorAt == at)
    }
}
