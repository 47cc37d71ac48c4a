import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Quote listing")
struct QuoteListingTests {
    @Test("quotes list newest article first with speaker, role and source")
    func all() throws {
        let fixture = try BrowseFixture()
        let quotes = try fixture.database.quotes()
        #expect(quotes.map(\.text) == ["We will protect our workers,", "We are ready to talk.", "the big summit"])
        let leyen = quotes[0]
        #expect(leyen.speaker == "Ursula von der Leyen")
        #expect(leyen.role == "Commission president")
        #expect(leyen.publication == "Reuters")
        #expect(leyen.articleID == fixture.tariffs)
        #expect(quotes[1].role == "Russian president")
        #expect(quotes[2].speaker == nil)
        #expect(quotes[2].kind == .scare)
    }

    @Test("--speaker matches a canonical name or an alias; kinds and limit filter")
    func filters() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        #expect(try database.quotes(speaker: "putin").map(\.text) == ["We are ready to talk."])
        #expect(try database.quotes(speaker: "Vladimir Putin").map(\.text) == ["We are ready to talk."])
        #expect(try database.quotes(speaker: "Nobody").isEmpty)
        #expect(try database.quotes(kinds: [.direct]).count == 2)
        #expect(try database.quotes(limit: 1).map(\.articleID) == [fixture.tariffs])
        let february = TimeWindow(until: BrowseFixture.date("2025-02-28T00:00:00Z"))
        #expect(try database.quotes(window: february).map(\.articleID) == [fixture.sample, fixture.sample])
    }
}
