import Foundation
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Article details")
struct ArticleDetailsTests {
    @Test("details hold the record as ingested and the intake facts")
    func details() throws {
        let database = try GazetteDatabase.inMemory(now: { BrowseFixture.ingestedAt })
        let article = SampleArticles.article()
        let id = try database.ingest(article).id
        try database.setArchivePath(articleID: id, path: "state/archive/2025/02/11/putin-rubio.txt")
        try database.recordSighting(
            articleID: id, path: "inbox/again.txt", at: BrowseFixture.date("2025-04-03T10:00:00Z"))
        let details = try #require(try database.articleDetails(id: id))
        #expect(details.record == article.record)
        #expect(details.record == (try database.record(id: id)))
        #expect(details.ingestedAt == BrowseFixture.ingestedAt)
        #expect(details.processedAt == BrowseFixture.ingestedAt)
        #expect(details.receivedAt == article.receivedAt)
        #expect(details.receivedPath == "inbox/putin-rubio.txt")
        #expect(details.archivePath == "state/archive/2025/02/11/putin-rubio.txt")
        #expect(details.hasRawBytes)
        #expect(
            details.sightings == [.init(path: "inbox/again.txt", seenAt: BrowseFixture.date("2025-04-03T10:00:00Z"))])
    }

    @Test("an unknown id has no details")
    func missing() throws {
        #expect(try GazetteDatabase.inMemory().articleDetails(id: 42) == nil)
    }
}
