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
        _ = try database.ingest(
            SampleArticles.article(SampleArticles.record(title: "Other", body: "Nothing to see here.", entities: [])))
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

    @Test("a page filled by the newest articles is ranked among them; otherwise the whole archive is")
    func recencyTiers() throws {
        let database = try GazetteDatabase.inMemory()
        // The oldest article is the best match for "steel"; five newer ones mention it once.
        let oldest = try database.ingest(
            SampleArticles.article(
                SampleArticles.record(
                    title: "Steel steel steel", body: "Steel prices, steel mills and steel tariffs.", entities: []))
        ).id
        var newer: [Int64] = []
        for k in 1...5 {
            newer.append(
                try database.ingest(
                    SampleArticles.article(
                        SampleArticles.record(
                            title: "Report \(k)", body: "A long report on many things, steel among them, number \(k).",
                            entities: []))
                ).id)
        }
        var query = SearchQuery(text: "steel", limit: 2)
        query.recencyTiers = [3]
        let recent = try database.search(query).map(\.id)
        #expect(recent.count == 2)
        #expect(Set(recent).isSubset(of: Set(newer.suffix(3))))
        // Three newest articles cannot fill a page of four: the whole archive is ranked.
        query.limit = 4
        #expect(try database.search(query).map(\.id).first == oldest)
        query.limit = 2
        query.recencyTiers = []
        #expect(try database.search(query).map(\.id).first == oldest)
    }
}
