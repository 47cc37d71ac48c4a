import ArgumentParser
import GazetteDaemon
import GazetteExtraction
import GazetteStore

/// `gazette quotes`: who said what.
struct QuotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List the quotes in the stored articles with speaker, role and source, newest articles first."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var window: WindowOptions

    @Option(help: ArgumentHelp("Only quotes by this speaker (canonical name or alias, e.g. Putin).", valueName: "NAME"))
    var speaker: String?

    @Option(
        help: ArgumentHelp(
            "Only quotes of this kind: direct, partial or scare; repeat for several (default all).", valueName: "KIND"))
    var kind: [Quote.Kind] = []

    @Option(help: "The most quotes to show.")
    var limit = 50

    @Flag(help: "Print the quotes as a JSON array.")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let configuration = try await global.resolve()
        let database = try StoreAccess.open(configuration)
        let kinds = Set(kind)
        let quotes = try await StoreAccess.attempt { [speaker, window = window.window, limit] in
            try database.quotes(speaker: speaker, kinds: kinds, window: window, limit: limit)
        }
        if json {
            try StoreAccess.printJSON(quotes)
        } else if quotes.isEmpty {
            print("No quotes found.")
        } else {
            let table = TableFormatter(columns: [
                .init("article", alignRight: true), .init("published"), .init("speaker", flexible: true),
                .init("source", flexible: true),
            ])
            print(
                table.render(
                    quotes.map { quote in
                        [
                            String(quote.articleID), StoreAccess.day(quote.publishedAt),
                            (quote.speaker ?? "(unattributed)") + (quote.role.map { ", \($0)" } ?? ""),
                            [quote.publication, quote.title].compactMap { $0 }.joined(separator: ": "),
                        ]
                    },
                    details: quotes.map { "“\($0.text)”" + ($0.kind == .direct ? "" : " (\($0.kind.rawValue))") }))
        }
    }
}
