import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Search with syntax and filters")
struct FilteredSearchTests {
    @Test("words, phrases, OR, exclusion and prefixes select the right articles")
    func syntax() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        func ids(_ text: String) throws -> Set<Int64> { Set(try database.search(SearchQuery(text: text)).map(\.id)) }
        #expect(try ids("steel") == [fixture.tariffs, fixture.undated])
        #expect(try ids("steel -Sheffield") == [fixture.tariffs])
        #expect(try ids("\"steel makers\"") == [fixture.tariffs])
        #expect(try ids("\"makers steel\"").isEmpty)
        #expect(try ids("Sheffield OR Moscow") == [fixture.undated, fixture.sample])
        #expect(try ids("Sheff*") == [fixture.undated])
        #expect(try ids("(Moscow OR Brussels) -tariffs") == [fixture.sample])
    }

    @Test("a title match ranks above a body match, and snippets carry the highlight marks")
    func ranking() throws {
        let fixture = try BrowseFixture()
        let hits = try fixture.database.search(SearchQuery(text: "tariffs", highlight: ("<", ">")))
        #expect(hits.map(\.id) == [fixture.tariffs, fixture.undated])
        #expect(hits[0].snippet.contains("<tariffs>"))
        #expect(hits[0].publication == "Reuters")
        #expect(hits[0].publishedAt == "2025-03-01T12:00:00Z")
        #expect(hits[0].rank < hits[1].rank)
    }

    @Test("--entity finds articles by canonical name or alias, case-insensitively")
    func entityFilter() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        #expect(
            try database.search(SearchQuery(text: "steel", entity: "ursula VON der leyen")).map(\.id) == [
                fixture.tariffs
            ])
        #expect(try database.search(SearchQuery(text: "steel", entity: "von der Leyen")).map(\.id) == [fixture.tariffs])
        #expect(try database.search(SearchQuery(text: "steel", entity: "Nobody")).isEmpty)
    }

    @Test("--publication filters case-insensitively")
    func publicationFilter() throws {
        let fixture = try BrowseFixture()
        #expect(
            try fixture.database.search(SearchQuery(text: "steel", publication: "reuters")).map(\.id) == [
                fixture.tariffs
            ])
        #expect(try fixture.database.search(SearchQuery(text: "steel", publication: "The Times")).isEmpty)
    }

    @Test("the window uses the publication time, or the ingest time of an undated article")
    func window() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        func ids(_ since: String?, _ until: String?) throws -> Set<Int64> {
            let window = TimeWindow(since: since.map(BrowseFixture.date), until: until.map(BrowseFixture.date))
            return Set(try database.search(SearchQuery(text: "steel OR Moscow", window: window)).map(\.id))
        }
        #expect(try ids("2025-02-15T00:00:00Z", nil) == [fixture.tariffs, fixture.undated])
        #expect(try ids(nil, "2025-03-01T12:00:00Z") == [fixture.sample])
        #expect(try ids("2025-03-01T12:00:00Z", "2025-04-01T00:00:00Z") == [fixture.tariffs])
        #expect(try ids("2025-04-01T00:00:00Z", "2025-04-03T00:00:00Z") == [fixture.undated])
    }

    /// Regression: `published_at` keeps the source's offset, and was compared as text with UTC
    /// bounds, so an article published at 22:00 in New York (03:00 UTC the next day) fell on
    /// the wrong side of a day's bound.
    @Test("the window compares publication times with an offset as instants")
    func windowWithOffsets() throws {
        let database = try GazetteDatabase.inMemory()
        var record = SampleArticles.record(
            title: "Late vote", body: "Senators voted late into the night on the spending bill.", publication: "Post",
            entities: [], path: "inbox/late.txt")
        record.publishedAt = "2019-11-20T22:00:00-05:00"
        let id = try database.ingest(SampleArticles.article(record)).id
        func ids(_ since: String, _ until: String) throws -> [Int64] {
            let window = TimeWindow(since: BrowseFixture.date(since), until: BrowseFixture.date(until))
            return try database.search(SearchQuery(text: "senators", window: window)).map(\.id)
        }
        #expect(try ids("2019-11-21T00:00:00Z", "2019-11-22T00:00:00Z") == [id])
        #expect(try ids("2019-11-20T00:00:00Z", "2019-11-21T00:00:00Z").isEmpty)
        #expect(try ids("2019-11-21T02:59:59Z", "2019-11-21T03:00:01Z") == [id])
    }

    @Test("the limit caps the hits")
    func limit() throws {
        let fixture = try BrowseFixture()
        #expect(try fixture.database.search(SearchQuery(text: "steel OR Moscow", limit: 2)).count == 2)
    }

    @Test("a syntax mistake is thrown as an explanation, not a database error")
    func syntaxError() throws {
        let fixture = try BrowseFixture()
        #expect(throws: SearchSyntaxError.unclosedQuote(at: 1)) {
            try fixture.database.search(SearchQuery(text: "\"steel"))
        }
    }
}
