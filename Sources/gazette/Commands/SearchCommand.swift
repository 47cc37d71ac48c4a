import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteStore

/// `gazette search`: full-text search of the stored articles.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the stored articles' titles and bodies, best matches first.",
        discussion: """
            Words must all appear (stemmed; case and accents ignored). "quoted phrases" must appear in order; \
            OR gives alternatives; -word or NOT word excludes; word* matches any word starting so; parentheses \
            group, e.g. `gazette search '(tariff OR duty) steel -china'`. A query that starts with - follows \
            `--`: `gazette search -- -football election`. Matches in snippets are shown in bold \
            on a terminal and between ** otherwise. When the newest 20,000 articles (then 100,000, 500,000) alone hold \
            a full page of matches, only they are ranked, which keeps searches fast on large archives; \
            --whole-archive ranks every match.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var window: WindowOptions

    @Option(
        help: ArgumentHelp(
            "Only articles naming this person, organisation or place (canonical name or alias).", valueName: "NAME"))
    var entity: String?

    @Option(help: ArgumentHelp("Only articles from this publication.", valueName: "NAME"))
    var publication: String?

    @Option(help: "The most results to show.")
    var limit = 20

    @Flag(
        help:
            "Rank every match in the archive, not only the newest articles when they fill the page (slower for common words)."
    )
    var wholeArchive = false

    @Flag(help: "Print the results as a JSON array.")
    var json = false

    @Argument(help: ArgumentHelp("What to look for; several arguments are joined with spaces.", valueName: "QUERY"))
    var query: [String]

    func validate() throws {
        if query.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("Say what to search for, e.g. `gazette search brexit`.")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let configuration = try await global.resolve()
        let database = try StoreAccess.open(configuration)
        var search = SearchQuery(
            text: query.joined(separator: " "), window: window.window, entity: entity, publication: publication,
            limit: limit, highlight: json ? ("**", "**") : Self.marks)
        if wholeArchive { search.recencyTiers = [] }
        let hits = try await StoreAccess.attempt { [search] in try database.search(search) }
        if json {
            try StoreAccess.printJSON(hits.map(Result.init))
        } else if hits.isEmpty {
            print("No article matches.")
        } else {
            let table = TableFormatter(columns: [
                .init("id", alignRight: true), .init("published"), .init("publication", flexible: true),
                .init("title", flexible: true),
            ])
            // The matches are marked with private-use characters, which survive the table's
            // clean-up of control characters, then given the terminal's bold.
            let highlight = StoreAccess.highlight
            print(
                table.render(
                    hits.map {
                        [
                            String($0.id), StoreAccess.day($0.publishedAt), $0.publication ?? "-",
                            $0.title ?? "(untitled)",
                        ]
                    },
                    details: hits.map(\.snippet)
                ).replacingOccurrences(of: Self.marks.open, with: highlight.open).replacingOccurrences(
                    of: Self.marks.close, with: highlight.close))
        }
    }

    /// Where a snippet's matches start and end, before they are shown.
    static let marks = (open: "\u{E000}", close: "\u{E001}")

    /// One hit as `--json` prints it.
    struct Result: Encodable {
        var id: Int64
        var title: String?
        var publication: String?
        var publishedAt: String?
        var ingestedAt: Date
        var snippet: String
        /// BM25: lower is a better match.
        var rank: Double

        init(_ hit: SearchHit) {
            id = hit.id
            title = hit.title
            publication = hit.publication
            publishedAt = hit.publishedAt
            ingestedAt = hit.ingestedAt
            snippet = hit.snippet
            rank = hit.rank
        }

        enum CodingKeys: String, CodingKey {
            case id, title, publication, snippet, rank
            case publishedAt = "published_at"
            case ingestedAt = "ingested_at"
        }
    }
}
