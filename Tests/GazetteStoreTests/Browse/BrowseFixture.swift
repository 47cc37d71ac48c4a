import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport

/// A store holding three known articles for the browse queries:
/// 1. the sample Putin–Rubio article (The Guardian, published 2025-02-11);
/// 2. a Reuters piece on steel tariffs quoting Ursula von der Leyen (published 2025-03-01);
/// 3. an undated note on steel mills (no publication; ingested 2025-04-02).
struct BrowseFixture {
    static let ingestedAt = Date(timeIntervalSince1970: 1_743_552_000)  // 2025-04-02T00:00:00Z

    let database: GazetteDatabase
    let sample: Int64
    let tariffs: Int64
    let undated: Int64

    static let tariffBody = """
        Ursula von der Leyen said the European Union would answer steel tariffs. “We will protect our workers,” \
        von der Leyen said in Brussels. The Commission president met steel makers.
        """

    static let undatedBody = "Steel mills in Sheffield reported a quiet month, and the tariff debate went on."

    init() throws {
        database = try GazetteDatabase.inMemory(now: { Self.ingestedAt })
        sample = try database.ingest(SampleArticles.article()).id
        tariffs = try database.ingest(SampleArticles.article(Self.tariffRecord())).id
        var undatedRecord = SampleArticles.record(
            title: "Quiet month for Sheffield mills", body: Self.undatedBody, publication: nil, authors: [],
            entities: [.init("Sheffield", .location)], path: "inbox/mills.txt")
        undatedRecord.publishedAt = nil
        undatedRecord.publishedSource = nil
        undated = try database.ingest(SampleArticles.article(undatedRecord)).id
    }

    static func tariffRecord() -> ExtractionRecord {
        var record = SampleArticles.record(
            title: "EU vows response to steel tariffs", body: tariffBody, publication: "Reuters",
            authors: ["Philip Blenkinsop"],
            entities: [
                .init("Ursula von der Leyen", .person, aliases: ["von der Leyen"], roles: ["Commission president"]),
                .init("European Union", .organization),
                .init("Brussels", .location),
            ],
            path: "inbox/tariffs.html")
        record.publishedAt = "2025-03-01T12:00:00Z"
        let quote = "We will protect our workers,"
        if let span = SampleArticles.spans(of: quote, in: tariffBody).first {
            record.quotes = [
                Quote(text: quote, speaker: "Ursula von der Leyen", kind: .direct, start: span.start, end: span.end)
            ]
        }
        return record
    }

    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }
}
