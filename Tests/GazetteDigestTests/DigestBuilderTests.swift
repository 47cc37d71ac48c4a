import Foundation
import GazetteStore
import Testing

@testable import GazetteDigest

@Suite struct DigestBuilderTests {
    let day = DigestWindow(
        since: DigestFixtures.date("2026-03-10T00:00:00Z"), until: DigestFixtures.date("2026-03-11T00:00:00Z"))

    func at(_ hour: Int) -> Date { day.since.addingTimeInterval(Double(hour) * 3600) }

    @Test func clustersRankedBySourcesWithCounts() throws {
        let summit = ["Anna Berg", "Carl Dahl"]
        let database = try DigestFixtures.store([
            ArticleSpec(
                title: "Leaders meet at Oslo summit", publication: "Morning Post", people: summit, places: ["Oslo"],
                keyphrases: ["climate summit"], simhash: 0xFFFF_0000_FFFF_0000, at: at(1)),
            ArticleSpec(
                title: "Oslo summit opens", publication: "Evening Star", author: "Bo Ek", people: summit,
                places: ["Oslo"],
                keyphrases: ["climate summit", "emissions"], simhash: 0x1234_5678_9ABC_DEF0, at: at(2)),
            // A lightly edited copy: only the SimHash ties it to the first.
            ArticleSpec(
                title: "Summit: leaders meet", publication: "Wire", author: "Cy Fox",
                simhash: 0xFFFF_0000_FFFF_0003, at: at(3)),
            ArticleSpec(
                title: "Local bakery wins prize", publication: "Morning Post", people: ["Dora Lind"],
                keyphrases: ["sourdough"], simhash: 0x0F0F_0F0F_0F0F_0F0F, at: at(4)),
            // Outside the window.
            ArticleSpec(title: "Yesterday's news", publication: "Wire", at: day.since.addingTimeInterval(-60)),
        ])
        let digest = try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day)

        #expect(digest.glance.articles == 4)
        #expect(digest.glance.publications == 3)
        #expect(digest.glance.authors == 3)
        #expect(digest.stories.count == 2)
        let top = try #require(digest.stories.first)
        #expect(top.sources == 3)
        #expect(Set(top.publications) == ["Morning Post", "Evening Star", "Wire"])
        #expect(top.articleIDs.count == 3)
        #expect(top.people == ["Anna Berg", "Carl Dahl"])
        #expect(top.places == ["Oslo"])
        #expect((2...3).contains(top.summary.count))
        #expect(digest.glance.biggestStory?.contains(top.headline) == true)
        #expect(digest.glance.biggestStory?.contains("3 publications") == true)
        #expect(digest.stories[1].headline == "Local bakery wins prize")
        #expect(digest.articles.map(\.title).first == "Local bakery wins prize")
        #expect(!digest.articles.map(\.title).contains("Yesterday's news"))
    }

    @Test func namesWithDeltasSparklinesAndFirstSeen() throws {
        var specs: [ArticleSpec] = []
        // Previous week: Old Hand in 2 articles a day; Quiet Type in 1 a day.
        for dayBack in 1...7 {
            let time = day.since.addingTimeInterval(-Double(dayBack) * 86_400 + 3600)
            specs.append(
                ArticleSpec(title: "Week \(dayBack) a", publication: "P", people: ["Old Hand", "Quiet Type"], at: time))
            specs.append(
                ArticleSpec(
                    title: "Week \(dayBack) b", publication: "P", people: ["Old Hand", "Steady Eddie"],
                    at: time.addingTimeInterval(60)))
        }
        // The day: Quiet Type in 4 articles (rising), Steady Eddie in 1 (steady), Newcomer in 2 (new), Old Hand absent.
        for hour in 0..<4 {
            var people = ["Quiet Type"]
            if hour == 0 { people.append("Steady Eddie") }
            if hour < 2 { people.append("Newcomer") }
            specs.append(ArticleSpec(title: "Day \(hour)", publication: "P", people: people, at: at(hour + 1)))
        }
        let database = try DigestFixtures.store(specs)
        let names = try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day).names

        let byName = Dictionary(uniqueKeysWithValues: names.top.map { ($0.name, $0) })
        #expect(names.top.first?.name == "Quiet Type")
        #expect(byName["Quiet Type"]?.change == .rising)
        #expect(byName["Quiet Type"]?.previousWeek == 7)
        #expect(byName["Quiet Type"]?.daily.count == 14)
        #expect(byName["Quiet Type"]?.daily.suffix(8) == [1, 1, 1, 1, 1, 1, 1, 4])
        #expect(byName["Steady Eddie"]?.change == .steady)
        #expect(byName["Newcomer"]?.change == .new)
        #expect(byName["Newcomer"]?.mentions == 2)
        #expect(names.falling.map(\.name) == ["Old Hand"])
        #expect(names.falling.first?.articles == 0)
        #expect(names.firstSeen == ["Newcomer"])
    }

    @Test func aSurnameAloneSharedByTwoPeopleIsLeftOutOfTheNameLists() throws {
        // The store cannot tell which Cheney a bare `Cheney` is, so it stays an entity of its own.
        let family = ["Mary Cheney", "Dick Cheney", "Cheney"]
        let database = try DigestFixtures.store([
            ArticleSpec(
                title: "Cheney family splits over Wyoming race", publication: "Post", people: family + ["Brown"],
                at: at(1)),
            ArticleSpec(
                title: "Wyoming race divides the Cheney family", publication: "Star", people: family,
                simhash: 0, at: at(2)),
        ])
        let digest = try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day)
        let story = try #require(digest.stories.first)
        #expect(story.articleIDs.count == 2)
        #expect(Set(story.people) == ["Mary Cheney", "Dick Cheney", "Brown"], "a surname no fuller name gives stays")
        #expect(!digest.names.top.map(\.name).contains("Cheney"))
        #expect(digest.names.top.map(\.name).contains("Dick Cheney"))
        #expect(!digest.names.firstSeen.contains("Cheney"))
        #expect(digest.names.firstSeen.contains("Brown"))
    }

    @Test func quotesNumbersAndDatesAhead() throws {
        let database = try DigestFixtures.store([
            ArticleSpec(
                title: "Budget", publication: "Post", people: ["Rita Moss"],
                quote: ("Rita Moss", "We will balance the books within five years"),
                amount: "£5bn", futureDate: "2026-03-20", at: at(5)),
            // The same quote as another outlet punctuated it: shown once.
            ArticleSpec(
                title: "Budget copy", publication: "Star", people: ["Rita Moss"],
                quote: ("Rita Moss", "We will balance the books, within five years."),
                futureDate: "2026-03-01", at: at(6)),
        ])
        let digest = try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day)
        #expect(digest.quotes.count == 1)
        #expect(digest.quotes.first?.name == "Rita Moss")
        #expect(digest.quotes.first?.role == "minister")
        #expect(digest.quotes.first?.quotes.count == 1)
        #expect(digest.numbers.map(\.text) == ["£5bn"])
        #expect(digest.numbers.first?.context == "The bill is £5bn in total.")
        #expect(digest.datesAhead.map(\.date) == ["2026-03-20"])
        #expect(digest.datesAhead.first?.events.first?.context == "A vote is due on 2026-03-20.")
    }

    /// Regression: an article without a date took its ingest time as its publication date, so
    /// its relative dates were resolved against a guess and shown as dates ahead.
    @Test func undatedArticlesShowAsUndatedAndNeverAhead() throws {
        let database = try DigestFixtures.store([
            ArticleSpec(title: "Old story", publication: "Post", futureDate: "2026-03-20", at: at(5), dated: false)
        ])
        let digest = try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day)
        #expect(digest.datesAhead.isEmpty)
        #expect(digest.articles.first?.dated == false)
        #expect(digest.articles.first?.publishedAt == nil)
        let markdown = DigestRenderer(templates: try DigestTemplates()).render(digest, as: .markdown)
        #expect(markdown.contains("by Ann Writer · undated · received"))
    }

    @Test func emptyWindow() throws {
        let database = try DigestFixtures.store([])
        let digest = try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day)
        #expect(digest.isEmpty)
        #expect(digest.stories.isEmpty && digest.names.isEmpty && digest.quotes.isEmpty)
        let renderer = DigestRenderer(templates: try DigestTemplates())
        let markdown = renderer.render(digest, as: .markdown)
        #expect(markdown.contains("Nothing was ingested"))
        #expect(!markdown.contains("## Top stories"))
        #expect(!markdown.contains("## At a glance"))
        let html = renderer.render(digest, as: .html)
        #expect(html.contains("Nothing was ingested"))
        #expect(!html.contains("<h2>"))
    }
}
