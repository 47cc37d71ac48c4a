import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Entity listing")
struct EntityTallyTests {
    @Test("entities come with mention and article counts, aliases and roles, most mentioned first")
    func counts() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        // A second article naming Putin by his alias only.
        let body = "Putin spoke again. Putin was firm."
        _ = try database.ingest(
            SampleArticles.article(
                SampleArticles.record(
                    title: "Putin again", body: body, entities: [.init("Vladimir Putin", .person, aliases: ["Putin"])]))
        )
        let tallies = try database.entityTallies()
        let putin = try #require(tallies.first)
        #expect(putin.name == "Vladimir Putin")
        #expect(putin.type == .person)
        #expect(putin.articles == 2)
        #expect(putin.mentions == 4)
        #expect(putin.aliases == ["Putin"])
        #expect(putin.roles == ["Russian president"])
        #expect(
            Set(tallies.map(\.name)).isSuperset(of: [
                "Marco Rubio", "Ursula von der Leyen", "European Union", "Sheffield",
            ]))
        #expect(tallies.map(\.mentions) == tallies.map(\.mentions).sorted(by: >))
    }

    @Test("--type, --top and the window narrow the listing")
    func filters() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        let organisations = try database.entityTallies(type: .organization)
        #expect(organisations.map(\.name) == ["European Union"])
        #expect(try database.entityTallies(top: 2).count == 2)
        let march = TimeWindow(
            since: BrowseFixture.date("2025-03-01T00:00:00Z"), until: BrowseFixture.date("2025-03-02T00:00:00Z"))
        #expect(
            Set(try database.entityTallies(window: march).map(\.name)) == [
                "Ursula von der Leyen", "European Union", "Brussels",
            ])
        let leyen = try #require(try database.entityTallies(type: .person, window: march).first)
        #expect(leyen.aliases == ["von der Leyen"])
        #expect(leyen.roles == ["Commission president"])
        #expect(leyen.mentions == 2)
    }
}
