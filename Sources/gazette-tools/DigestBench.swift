import ArgumentParser
import Foundation
import GazetteDigest
import GazetteExtraction
import GazetteStore

/// `gazette-tools digest-bench`: times building and rendering the digest of the last day of a
/// store, and searches as `gazette search` runs them (BENCHMARKS.md, issues 13 and 15).
struct DigestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest-bench",
        abstract: "Time the digest of the 24 hours ending at the newest article of a database, and searches.")

    @Option(help: "Database file (e.g. made by synth-store).")
    var db: String

    @Option(help: "Times to repeat each measurement; min, median and max are printed.")
    var runs = 5

    @Option(help: "Hours in the window.")
    var hours = 24.0

    @Option(
        name: .customLong("search"),
        help:
            "Search queries to time (repeatable); by default the most common word, a rare one, a phrase and a prefix.")
    var searches: [String] = ["the", "greenspan", "\"interest rates\"", "econom*"]

    @Option(help: "Also time the first search filtered to this entity (by default the window's most named person).")
    var entity: String?

    func run() throws {
        let database = try GazetteDatabase(path: db)
        guard let newest = try database.articleSummaries(limit: 1).first?.ingestedAt else {
            throw ValidationError("\(db) holds no articles.")
        }
        let window = DigestWindow(since: newest.addingTimeInterval(-hours * 3600), until: newest.addingTimeInterval(1))
        let builder = DigestBuilder(database: database, timeZone: TimeZone(identifier: "UTC")!)
        let renderer = DigestRenderer(templates: try DigestTemplates())
        var build = Timings()
        var render = Timings()
        var read = Timings()
        var digest: Digest?
        for _ in 0..<max(1, runs) {
            let built = try build.time { try builder.build(window) }
            render.time { for format in DigestFormat.allCases { _ = renderer.render(built, as: format) } }
            _ = try read.time { try database.digestSlice(from: window.since, to: window.until) }
            digest = built
        }
        let status = try database.status()
        print("machine: \(Bench.machine())")
        print("commit:  \(Bench.commit() ?? "unknown")")
        print(
            "store: \(status.articles) articles; window: \(digest?.articles.count ?? 0) articles, \(digest?.stories.count ?? 0) stories"
        )
        print("digest build:  \(build)")
        print("  reading the window's rows: \(read)")
        print("digest render: \(render) (md, html, json)")
        let person =
            try entity
            ?? database.topEntities(
                from: window.since, to: window.until, types: [.person], limit: 1
            ).first?.name
        var queries = searches.map { SearchQuery(text: $0) }
        if let person, let first = searches.first { queries.append(SearchQuery(text: first, entity: person)) }
        for query in queries {
            for wholeArchive in [false, true] {
                var search = query
                if wholeArchive { search.recencyTiers = [] }
                var times = Timings()
                var hits = 0
                for _ in 0..<max(1, runs) { hits = try times.time { try database.search(search) }.count }
                let filter = query.entity.map { " --entity \"\($0)\"" } ?? ""
                print(
                    "search \(query.text)\(filter)\(wholeArchive ? " --whole-archive" : ""): \(times) (\(hits) hits shown)"
                )
            }
        }
    }
}

/// Wall and CPU times of repeated runs, printed as min / median / max milliseconds.
struct Timings: CustomStringConvertible {
    private var wall: [Double] = []
    private var cpu: [Double] = []

    mutating func time<T>(_ work: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let cpuStart = Bench.cpuSeconds()
        let result = try work()
        cpu.append((Bench.cpuSeconds() - cpuStart) * 1000)
        let elapsed = (ContinuousClock.now - start).components
        wall.append(Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15)
        return result
    }

    var description: String {
        "cpu \(Self.summary(cpu)) ms, wall \(Self.summary(wall)) ms (min/median/max of \(cpu.count))"
    }

    private static func summary(_ values: [Double]) -> String {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "-" }
        return [first, sorted[sorted.count / 2], last].map { String(format: "%.1f", $0) }.joined(separator: "/")
    }
}
