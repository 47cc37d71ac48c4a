import Foundation
import GazetteExtraction
import GazetteStore

/// Reads one window from the store and arranges it into a ``Digest``.
///
/// Four reads, each bounded by the window or the fortnight before it: the window's articles and
/// facts, the previous week's top names, and the 14-day history of the names shown.
public struct DigestBuilder: Sendable {
    public let database: any ArticleStore
    public let timeZone: TimeZone
    public let now: @Sendable () -> Date
    /// The folder the digest is written to, so that links to the archived files work from it.
    public let linkFolder: String?

    public init(
        database: any ArticleStore, timeZone: TimeZone, linkFolder: String? = nil,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.database = database
        self.timeZone = timeZone
        self.linkFolder = linkFolder
        self.now = now
    }

    public func build(_ window: DigestWindow) throws -> Digest {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let slice = try database.digestSlice(from: window.since, to: window.until)
        let articles = Dictionary(uniqueKeysWithValues: slice.articles.map { ($0.id, $0) })
        let links = Dictionary(grouping: slice.entityLinks, by: \.articleID)

        let clusterer = StoryClusterer(articles: slice.articles)
        let stories = StoryBuilder(articles: slice.articles, links: links).stories(clusters: clusterer.clusters())

        let trends = NameTrends(window: window, calendar: calendar)
        let counts = NameTrends.windowCounts(slice.entityLinks)
        let top = NameTrends.top(counts)
        var previous: [DigestEntity] = []
        var history: [Int64: [Date]] = [:]
        if !slice.articles.isEmpty {
            previous = try database.topEntities(
                from: trends.previousWeekStart, to: window.since, types: NameTrends.types, limit: 30)
            history = try database.entityArticleTimes(
                entityIDs: Array(Set(top + previous.map(\.id))), from: trends.historyStart, to: window.until)
        }

        let facts = FactSelector(articles: articles, links: links, window: window, calendar: calendar)
        var fileLink = FileLink(from: linkFolder)
        return Digest(
            window: window,
            timeZone: timeZone.identifier,
            generatedAt: now(),
            glance: glance(slice.articles, biggest: stories.first),
            stories: stories,
            names: trends.section(counts: counts, top: top, previous: previous, history: history),
            quotes: facts.speakers(slice.quotes),
            numbers: facts.numbers(slice.amounts),
            datesAhead: facts.calendarDays(slice.dates),
            articles: slice.articles.reversed().map { article in
                Digest.Article(
                    id: article.id, title: Self.title(of: article), publication: article.publication,
                    authors: article.authors, publishedAt: article.isDated ? article.publishedAt : nil,
                    dated: article.isDated, ingestedAt: article.ingestedAt,
                    keyphrases: Array(article.keyphrases.prefix(5)),
                    sourceName: (article.sourcePath as NSString).lastPathComponent,
                    archivePath: article.archivePath ?? article.sourcePath,
                    link: fileLink.to(article.archivePath ?? article.sourcePath))
            })
    }

    private func glance(_ articles: [DigestSlice.Article], biggest: Digest.Story?) -> Digest.Glance {
        Digest.Glance(
            articles: articles.count,
            publications: Set(articles.compactMap(\.publication)).count,
            authors: Set(articles.flatMap(\.authors)).count,
            biggestStory: biggest.map(Self.sentence))
    }

    /// "The biggest story: “…”, carried by 3 publications (A, B and C)."
    static func sentence(_ story: Digest.Story) -> String {
        let names = story.publications.prefix(3).joined(separator: ", ")
        let carriers =
            story.publications.isEmpty
            ? (story.sources == 1 ? "" : ", in \(story.sources) articles")
            : story.publications.count == 1
                ? " (\(names))"
                : ", carried by \(story.publications.count) publications (\(names)\(story.publications.count > 3 ? " and others" : ""))"
        return "The biggest story: “\(story.headline)”\(carriers)."
    }

    /// The article's title, else its first summary sentence, else its file name.
    static func title(of article: DigestSlice.Article) -> String {
        if let title = article.title, !title.isEmpty { return title }
        if let first = article.summary.first { return first }
        return (article.sourcePath as NSString).lastPathComponent
    }
}

extension DigestSlice.Article {
    /// Whether the article said when it was published (not only the file's modification time).
    var isDated: Bool { publishedAt != nil && publishedSource != ExtractionRecord.PublishedSource.file.rawValue }
}
