import Foundation
import GazetteExtraction
import Mustache

/// The values templates see: a ``Digest`` with its dates formatted in the digest's zone, lists
/// joined, sparklines drawn, and a `has…` flag per section so that empty sections vanish.
///
/// Every string is article text or derived from it and is escaped by the template engine,
/// except `sparkSVG`, which is built from numbers only.
struct DigestPresentation {
    var title: String
    var period: String
    var generated: String
    var timeZone: String
    var empty: Bool
    var glance: Glance
    var hasStories: Bool
    var stories: [Story]
    var hasNames: Bool
    var hasTop: Bool
    var top: [Name]
    var hasFalling: Bool
    var falling: [Name]
    var hasFirstSeen: Bool
    var firstSeen: String
    var hasQuotes: Bool
    var speakers: [Speaker]
    var hasNumbers: Bool
    var numbers: [Number]
    var hasDates: Bool
    var calendar: [Day]
    var hasArticles: Bool
    var articles: [Article]

    struct Glance {
        var articles: Int
        var publications: Int
        var authors: Int
        var biggestStory: String?
    }

    struct Story {
        var rank: Int
        var headline: String
        var publications: String?
        /// "3 publications, 4 articles", "2 articles".
        var counts: String
        var summary: String
        var people: String?
        var places: String?
        var articles: [Article]
    }

    struct Name {
        var name: String
        var kind: String
        var mentions: Int
        var articles: Int
        var previousWeek: Int
        var change: String
        var changeLabel: String
        var sparkText: String
        var sparkSVG: String
    }

    struct Speaker {
        var name: String
        var role: String?
        var quotes: [Quote]
    }

    struct Quote {
        var text: String
        var source: String
    }

    struct Number {
        var text: String
        var context: String
        var publication: String?
    }

    struct Day {
        var label: String
        var date: String
        var events: [Event]
    }

    struct Event {
        var time: String?
        var text: String
        var context: String
        var publication: String?
    }

    struct Article {
        var id: Int64
        var title: String
        var publication: String?
        var authors: String?
        /// The publication day, or "undated" when the article gave none.
        var date: String
        /// When Gazette received the file.
        var received: String
        var keyphrases: String?
        var link: String
        var archivePath: String
    }

    init(_ digest: Digest) {
        let zone = TimeZone(identifier: digest.timeZone) ?? .current
        let format = Formats(zone)
        let lastInstant = digest.window.until.addingTimeInterval(-0.001)
        title = "Gazette digest — \(format.longDay.string(from: lastInstant))"
        period =
            "\(format.moment.string(from: digest.window.since)) – \(format.moment.string(from: digest.window.until))"
        generated = format.moment.string(from: digest.generatedAt)
        timeZone = digest.timeZone
        empty = digest.isEmpty
        glance = Glance(
            articles: digest.glance.articles, publications: digest.glance.publications, authors: digest.glance.authors,
            biggestStory: digest.glance.biggestStory)
        let articles = digest.articles.map { Self.article($0, format) }
        let byID = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0) })
        stories = digest.stories.prefix(StoryBuilder.shown).enumerated().map { index, story in
            let counts =
                story.publications.count > 1
                ? "\(Self.count(story.publications.count, "publication")), \(Self.count(story.articleIDs.count, "article"))"
                : Self.count(story.articleIDs.count, "article")
            return Story(
                rank: index + 1, headline: story.headline, publications: Self.list(story.publications), counts: counts,
                summary: story.summary.joined(separator: " "), people: Self.list(story.people),
                places: Self.list(story.places),
                articles: story.articleIDs.compactMap { byID[$0] })
        }
        hasStories = !stories.isEmpty
        top = digest.names.top.map(Self.name)
        falling = digest.names.falling.map(Self.name)
        firstSeen = digest.names.firstSeen.joined(separator: ", ")
        hasTop = !top.isEmpty
        hasFalling = !falling.isEmpty
        hasFirstSeen = !firstSeen.isEmpty
        hasNames = !digest.names.isEmpty
        speakers = digest.quotes.map { speaker in
            Speaker(
                name: speaker.name, role: speaker.role,
                quotes: speaker.quotes.map { quote in
                    Quote(
                        text: quote.text,
                        source: [quote.publication, quote.title].compactMap { $0 }.joined(separator: ", "))
                })
        }
        hasQuotes = !speakers.isEmpty
        numbers = digest.numbers.map { Number(text: $0.text, context: $0.context, publication: $0.publication) }
        hasNumbers = !numbers.isEmpty
        calendar = digest.datesAhead.map { day in
            Day(
                label: DigestWindow.day(day.date, in: zone).map { format.shortDay.string(from: $0.since) } ?? day.date,
                date: day.date,
                events: day.events.map {
                    Event(time: $0.time, text: $0.text, context: $0.context, publication: $0.publication)
                })
        }
        hasDates = !calendar.isEmpty
        self.articles = articles
        hasArticles = !articles.isEmpty
    }

    /// "1 article", "3 articles".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    private static func article(_ article: Digest.Article, _ format: Formats) -> Article {
        let published = article.publishedAt.flatMap(ISOTimestamp.date)
        return Article(
            id: article.id, title: article.title, publication: article.publication, authors: Self.list(article.authors),
            date: published.map { format.day.string(from: $0) } ?? "undated",
            received: format.moment.string(from: article.ingestedAt),
            keyphrases: Self.list(article.keyphrases), link: article.link, archivePath: article.archivePath)
    }

    /// Items joined with commas, or nil for none: a Mustache section renders for any string, even an empty one.
    private static func list(_ items: [String]) -> String? {
        items.isEmpty ? nil : items.joined(separator: ", ")
    }

    private static func name(_ trend: Digest.NameTrend) -> Name {
        let labels: [Digest.Change: String] = [
            .new: "new", .rising: "↑ rising", .steady: "→ steady", .falling: "↓ falling",
        ]
        let kinds: [EntityType: String] = [
            .person: "person", .organization: "organisation", .location: "place", .norp: "group",
        ]
        return Name(
            name: trend.name, kind: kinds[trend.type] ?? trend.type.rawValue.lowercased(), mentions: trend.mentions,
            articles: trend.articles, previousWeek: trend.previousWeek, change: trend.change.rawValue,
            changeLabel: labels[trend.change] ?? trend.change.rawValue, sparkText: Sparkline.text(trend.daily),
            sparkSVG: Sparkline.svg(trend.daily))
    }

    /// Date formatters fixed to English month names and 24-hour time, in the digest's zone.
    private struct Formats {
        let longDay: DateFormatter
        let shortDay: DateFormatter
        let moment: DateFormatter
        let day: DateFormatter

        init(_ zone: TimeZone) {
            func formatter(_ pattern: String) -> DateFormatter {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_GB")
                formatter.timeZone = zone
                formatter.dateFormat = pattern
                return formatter
            }
            longDay = formatter("EEEE d MMMM yyyy")
            shortDay = formatter("EEE d MMM")
            moment = formatter("d MMM yyyy HH:mm")
            day = formatter("d MMM yyyy")
        }
    }
}

// The templates read the values by name. Mustache finds a plain struct's properties through
// `Mirror`, which dominated rendering a day of 10,000 articles; the types repeated per article,
// story, name, quote, number and date answer by name instead.
extension DigestPresentation.Glance: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "articles": articles
        case "publications": publications
        case "authors": authors
        case "biggestStory": biggestStory
        default: nil
        }
    }
}

extension DigestPresentation.Story: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rank": rank
        case "headline": headline
        case "publications": publications
        case "counts": counts
        case "summary": summary
        case "people": people
        case "places": places
        case "articles": articles
        default: nil
        }
    }
}

extension DigestPresentation.Name: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "kind": kind
        case "mentions": mentions
        case "articles": articles
        case "previousWeek": previousWeek
        case "change": change
        case "changeLabel": changeLabel
        case "sparkText": sparkText
        case "sparkSVG": sparkSVG
        default: nil
        }
    }
}

extension DigestPresentation.Speaker: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "role": role
        case "quotes": quotes
        default: nil
        }
    }
}

extension DigestPresentation.Quote: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "source": source
        default: nil
        }
    }
}

extension DigestPresentation.Number: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "context": context
        case "publication": publication
        default: nil
        }
    }
}

extension DigestPresentation.Day: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "date": date
        case "events": events
        default: nil
        }
    }
}

extension DigestPresentation.Event: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "time": time
        case "text": text
        case "context": context
        case "publication": publication
        default: nil
        }
    }
}

extension DigestPresentation.Article: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "publication": publication
        case "authors": authors
        case "date": date
        case "received": received
        case "keyphrases": keyphrases
        case "link": link
        case "archivePath": archivePath
        default: nil
        }
    }
}
