import ArgumentParser
import Foundation
import GazetteDigest
import GazetteStore

/// `gazette-tools digest-bench`: times building (and rendering) the digest of the last day.
struct DigestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest-bench",
        abstract: "Time the digest of the 24 hours ending at the newest article of a database, and a few searches.")

    @Option(help: "Database file (e.g. made by synth-store).")
    var db: String

    @Option(help: "Times to repeat; the best and median are printed.")
    var runs = 5

    @Option(help: "Hours in the window.")
    var hours = 24.0

    @Option(name: .customLong("search"), help: "Search queries to time as `gazette search` runs them (repeatable).")
    var searches: [String] = ["minister", "economy", "the"]

    func run() throws {
        let database = try GazetteDatabase(path: db)
        guard let newest = try database.articleSummaries(limit: 1).first?.ingestedAt else {
            throw ValidationError("\(db) holds no articles.")
        }
        let window = DigestWindow(since: newest.addingTimeInterval(-hours * 3600), until: newest.addingTimeInterval(1))
        let builder = DigestBuilder(database: database, timeZone: TimeZone(identifier: "UTC")!)
        let renderer = DigestRenderer(templates: try DigestTemplates())
        var buildTimes: [Duration] = []
        var renderTimes: [Duration] = []
        var digest: Digest?
        for _ in 0..<max(1, runs) {
            let clock = ContinuousClock()
            let start = clock.now
            let built = try builder.build(window)
            let built_ = clock.now
            for format in DigestFormat.allCases { _ = renderer.render(built, as: format) }
            buildTimes.append(built_ - start)
            renderTimes.append(clock.now - built_)
            digest = built
        }
        let clock = ContinuousClock()
        let readStart = clock.now
        _ = try database.digestSlice(from: window.since, to: window.until)
        let readTime = clock.now - readStart
        let status = try database.status()
        print(
            "store: \(status.articles) articles; window: \(digest?.articles.count ?? 0) articles, \(digest?.stories.count ?? 0) stories"
        )
        print(
            "build:  best \(Self.ms(buildTimes.min()!)) ms, median \(Self.ms(buildTimes.sorted()[buildTimes.count / 2])) ms"
        )
        print("  of which reading the window's rows: \(Self.ms(readTime)) ms")
        for text in searches {
            for wholeArchive in [false, true] {
                var query = SearchQuery(text: text)
                if wholeArchive { query.recencyTiers = [] }
                var times: [Duration] = []
                var hits = 0
                for _ in 0..<max(1, runs) {
                    let start = clock.now
                    hits = try database.search(query).count
                    times.append(clock.now - start)
                }
                print(
                    "search \"\(text)\"\(wholeArchive ? " --whole-archive" : ""): best \(Self.ms(times.min()!)) ms, median \(Self.ms(times.sorted()[times.count / 2])) ms (\(hits) hits shown)"
                )
            }
        }
        print(
            "render: best \(Self.ms(renderTimes.min()!)) ms, median \(Self.ms(renderTimes.sorted()[renderTimes.count / 2])) ms (md, html, json)"
        )
    }

    static func ms(_ duration: Duration) -> String {
        String(
            format: "%.1f", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }
}
