import Foundation
import GRDB
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

/// A file that holds several articles (a feed, a mailbox): each a part, stored together.
@Suite("Files of several articles")
struct FilePartsTests {
    static let raw = Array("<rss>three items</rss>".utf8)

    /// The articles of one three-item file: the sample record with each part's own title and body.
    static func parts(
        path: String = "inbox/feed.xml", receivedAt: Date = Date(timeIntervalSince1970: 1_739_266_200)
    )
        -> [NewArticle]
    {
        ["Ferries", "Fish market", "Lighthouse"].enumerated().map { index, title in
            var record = SampleArticles.record(
                title: title, body: "The \(title.lowercased()) story was told on Tuesday in Moscow.", entities: [],
                path: path)
            record.source = .init(
                path: path, sha256: SHA256.hex(of: raw), format: .feed, encoding: "utf-8", bytes: raw.count,
                part: "item \(index + 1)")
            record.quotes = []
            record.dates = []
            record.amounts = []
            return NewArticle(record: record, raw: raw, receivedPath: path, receivedAt: receivedAt)
        }
    }

    @Test func theArticlesOfAFileAreStoredTogetherAndReadBackWhole() throws {
        let database = try GazetteDatabase.inMemory()
        let parts = Self.parts()
        guard case .stored(let ids) = try database.ingest(file: parts) else {
            Issue.record("expected the parts to be stored")
            return
        }
        #expect(ids.count == 3)
        for (id, part) in zip(ids, parts) {
            #expect(try database.record(id: id) == part.record)
            // The bytes are kept once, but every part reads them.
            #expect(try database.rawBytes(id: id) == Self.raw)
        }
        #expect(try database.articleID(sha256: SHA256.hex(of: Self.raw)) == ids[0])
        let kept = try database.read("test") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles WHERE raw IS NOT NULL")
        }
        #expect(kept == 1)
        let details = try #require(try database.articleDetails(id: ids[2]))
        #expect(details.hasRawBytes)
        #expect(details.record.source.part == "item 3")
    }

    @Test func theSameFileTwiceIsOneSightingAndNoNewArticles() throws {
        let database = try GazetteDatabase.inMemory()
        let first = try database.ingest(file: Self.parts())
        let second = try database.ingest(file: Self.parts(path: "inbox/feed-copy.xml"))
        #expect(second == .duplicate(id: first.id))
        let status = try database.status()
        #expect(status.articles == 3)
        #expect(status.duplicates == 1)
        guard case .stored(let ids) = first else { return }
        // Every part shows the file's sighting.
        #expect(try database.articleDetails(id: ids[1])?.sightings.map(\.path) == ["inbox/feed-copy.xml"])
    }

    @Test func aFailingPartLeavesNothingOfTheFileStored() throws {
        let database = try GazetteDatabase.inMemory()
        var parts = Self.parts()
        // Two articles that claim the same part: the second breaks the unique key.
        parts[2].record.source.part = "item 1"
        #expect(throws: (any Error).self) { try database.ingest(file: parts) }
        #expect(try database.status().articles == 0)
        #expect(try database.articleID(sha256: SHA256.hex(of: Self.raw)) == nil)
    }

    @Test func theArchivePathIsSetForEveryPart() throws {
        let database = try GazetteDatabase.inMemory()
        let other = try database.ingest(SampleArticles.article()).id
        let ids = try database.ingest(file: Self.parts())
        guard case .stored(let ids) = ids else { return }
        try database.setArchivePath(articleID: ids[0], path: "archive/2025/02/11/feed.xml")
        for id in ids {
            #expect(try database.articleDetails(id: id)?.archivePath == "archive/2025/02/11/feed.xml")
        }
        #expect(try database.articleDetails(id: other)?.archivePath == nil)
    }

    @Test func aPartsKeyIsTheHashOfTheFilesHashAndThePart() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try database.ingest(file: Self.parts())
        let keys = try database.read("test") { db in
            try String.fetchAll(db, sql: "SELECT sha256 FROM articles ORDER BY id")
        }
        let file = SHA256.hex(of: Self.raw)
        #expect(keys == (1...3).map { SHA256.hex(of: Array("\(file) item \($0)".utf8)) })
    }

    static let wire = Array(
        #"""
        [{"title": "Council keeps the library open", "body": "The town council voted on Thursday to keep the central library open on Sundays."},
         {"title": "Rail strike called off", "body": "A rail strike planned for next week was called off on Wednesday after the union accepted a new pay offer."}]
        """#.utf8)

    @Test func reprocessingGivesEachPartTheRecordOfTheSamePart() throws {
        let database = try GazetteDatabase.inMemory()
        let document = SourceDocument(
            path: "inbox/wire.json", bytes: Self.wire, modified: Date(timeIntervalSince1970: 0))
        let file = try Extractor().extractFile(document)
        let articles = file.records.map {
            NewArticle(record: $0, raw: Self.wire, receivedPath: "inbox/wire.json", receivedAt: Date())
        }
        guard case .stored(let ids) = try database.ingest(file: articles) else { return }
        // An older pipeline made them.
        for id in ids {
            var old = try #require(try database.record(id: id))
            old.pipeline = "0"
            old.title = "Old title"
            try database.replaceExtraction(articleID: id, record: old)
        }
        let reprocessor = Reprocessor(database: database)
        let figures = try reprocessor.run(
            try reprocessor.targets(.outdated), problem: { Issue.record("unexpected problem: \($0)") },
            progress: { _ in })
        #expect(figures == Reprocessor.Progress(replaced: 2, failed: 0, total: 2))
        #expect(
            try ids.map { try database.record(id: $0)?.title } == [
                "Council keeps the library open", "Rail strike called off",
            ])
        #expect(try ids.map { try database.record(id: $0)?.source.part } == ["item 1", "item 2"])
    }

    @Test func aWholeFileArticleWhoseFileNowHoldsSeveralIsSplitOnReprocessing() throws {
        let database = try GazetteDatabase.inMemory()
        // Stored by a pipeline that read only the array's first element.
        var record = SampleArticles.record(path: "inbox/wire.json")
        record.source = .init(
            path: "inbox/wire.json", sha256: SHA256.hex(of: Self.wire), format: .json, encoding: "utf-8",
            bytes: Self.wire.count)
        record.pipeline = "2"
        let other = try database.ingest(SampleArticles.article()).id
        let id = try database.ingest(
            NewArticle(record: record, raw: Self.wire, receivedPath: "inbox/wire.json", receivedAt: Date())
        ).id
        try database.setArchivePath(articleID: id, path: "archive/wire.json")
        try database.recordSighting(articleID: id, path: "inbox/wire-again.json", at: Date())

        let figures = try Reprocessor(database: database).run(
            [id], problem: { Issue.record("unexpected problem: \($0)") }, progress: { _ in })
        #expect(figures == Reprocessor.Progress(replaced: 1, failed: 0, total: 1, added: 1))
        let first = try #require(try database.articleDetails(id: id))
        #expect(first.record.source.part == "item 1")
        #expect(first.record.title == "Council keeps the library open")
        let addedID = try #require(try database.articleIDs().first { $0 != id && $0 != other })
        let added = try #require(try database.articleDetails(id: addedID))
        #expect(added.record.source.part == "item 2")
        #expect(added.record.title == "Rail strike called off")
        #expect(added.archivePath == "archive/wire.json")
        #expect(added.hasRawBytes)
        #expect(added.sightings.map(\.path) == ["inbox/wire-again.json"])
        // The file is still found by its hash, and a second run finds nothing to do.
        #expect(try database.articleID(sha256: SHA256.hex(of: Self.wire)) == id)
        #expect(try database.articleIDs(notMadeByPipeline: Extractor.pipelineVersion).isEmpty)
    }
}
