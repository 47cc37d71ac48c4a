import Foundation
import GRDB
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Full-text search")
struct SearchTests {
    @Test("a body word finds its article, with a highlighted snippet")
    func bodyWord() throws {
        let database = try GazetteDatabase.inMemory()
        let id = try database.ingest(SampleArticles.article()).id
        _ = try database.ingest(SampleArticles.article(SampleArticles.record(title: "Other", body: "Nothing to see here.", entities: [])))
        let hits = try database.search(SearchQuery(text: "trillion", highlight: ("[", "]")))
        #expect(hits.map(\.id) == [id])
        #expect(hits.first?.snippet.contains("[trillion]") == true)
        #expect(hits.first?.title == "Putin and Rubio meet in Moscow")
    }

    @Test("words are stemmed, case and accents ignored; every word must match")
    func matching() throws {
        let database = try GazetteDatabase.inMemory()
        let id = try database.ingest(SampleArticles.article()).id
        #expect(try database.search(SearchQuery(text: "AGREEING voter", highlight: ("[", "]"))).map(\.id) == [id])
        #expect(try database.search(SearchQuery(text: "Moscow Kyiv", highlight: ("[", "]"))).isEmpty)
        #expect(try database.search(SearchQuery(text: "Mosców", highlight: ("[", "]"))).map(\.id) == [id])
    }

    @Test("updating another column leaves the index entry in place")
    func indexInSync() throws {
        let database = try GazetteDatabase.inMemory()
        let id = try database.ingest(SampleArticles.article()).id
        try database.setArchivePath(articleID: id, path: "archive/x.txt")
        #expect(try database.search(SearchQuery(text: "summit", highlight: ("[", "]"))).map(\.id) == [id])
    }
}
