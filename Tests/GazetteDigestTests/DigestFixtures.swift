import Foundation
import GazetteExtraction
import GazetteStore

/// Hand-built articles for digest tests, and a store to put them in.
struct ArticleSpec {
    var title: String
    var publication: String?
    var author: String = "Ann Writer"
    var people: [String] = []
    var places: [String] = []
    var keyphrases: [String] = []
    var simhash: UInt64 = 0
    var quote: (speaker: String, text: String)?
    var amount: String?
    var futureDate: String?
    var at: Date
    /// Text that opens the body, before the generated sentences.
    var lead: String = ""
    /// Whether the article gave its publication time; undated ones have only the file's.
    var dated = true

    /// A record whose body names every entity once, with spans that match.
    func record(index: Int) -> ExtractionRecord {
        var body = ""
        var scalars = 0
        func append(_ text: String) -> Span {
            let start = scalars
            body += text
            scalars += text.unicodeScalars.count
            return Span(start: start, end: scalars)
        }
        if !lead.isEmpty { _ = append(lead + "\n\n") }
        var entities: [Entity] = []
        for name in people {
            entities.append(Entity(name: name, type: .person, roles: ["minister"], mentions: [append(name)]))
            _ = append(" spoke. ")
        }
        for name in places {
            entities.append(Entity(name: name, type: .location, mentions: [append(name)]))
            _ = append(" was named. ")
        }
        var record = ExtractionRecord(
            source: .init(
                path: "inbox/a\(index).txt", sha256: String(format: "%064x", index + 1), format: .text,
                encoding: "utf-8", bytes: 10))
        if let quote {
            _ = append("\(quote.speaker) said: “")
            let span = append(quote.text)
            _ = append("”. ")
            record.quotes = [
                Quote(text: quote.text, speaker: quote.speaker, kind: .direct, start: span.start, end: span.end)
            ]
        }
        if let amount {
            _ = append("The bill is ")
            let span = append(amount)
            _ = append(" in total. ")
            record.amounts = [
                Amount(text: amount, value: 5e9, currency: "GBP", unit: nil, start: span.start, end: span.end)
            ]
        }
        if let futureDate {
            _ = append("A vote is due on ")
            let span = append(futureDate)
            _ = append(". ")
            record.dates = [
                DateMention(text: futureDate, value: futureDate, granularity: .day, start: span.start, end: span.end)
            ]
        }
        record.title = title
        record.publication = publication
        record.publishedAt = ISO8601DateFormatter().string(from: at)
        record.publishedSource = dated ? .metadata : .file
        record.authors = [author]
        record.body = body
        record.wordCount = body.split(separator: " ").count
        record.entities = entities
        record.keyphrases = keyphrases.map { Keyphrase(text: $0, score: 1) }
        record.summary = ["\(title) happened.", "More followed."]
        record.simhash = String(format: "%016llx", simhash)
        return record
    }
}

enum DigestFixtures {
    static let utc = TimeZone(identifier: "UTC")!

    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    /// An in-memory store holding `specs`, each ingested at its own time.
    static func store(_ specs: [ArticleSpec]) throws -> GazetteDatabase {
        let database = try GazetteDatabase.inMemory()
        try database.ingest(
            batch: specs.enumerated().map { index, spec in
                (
                    NewArticle(
                        record: spec.record(index: index), raw: [UInt8](spec.title.utf8),
                        receivedPath: "inbox/a\(index).txt",
                        receivedAt: spec.at), spec.at
                )
            })
        return database
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "gazette-digest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
