import Foundation
import GazetteExtraction
import GazetteStore

/// Builds realistic, internally consistent records and articles for tests: every offset points
/// at the right text in the body, and the SHA-256 is that of the raw bytes.
public enum SampleArticles {
    /// An entity to place in a sample record; its mentions are found in the body.
    public struct EntityStub: Sendable {
        public var name: String
        public var type: EntityType
        public var aliases: [String]
        public var roles: [String]

        public init(_ name: String, _ type: EntityType, aliases: [String] = [], roles: [String] = []) {
            self.name = name
            self.type = type
            self.aliases = aliases
            self.roles = roles
        }
    }

    public static let body = """
        Vladimir Putin met Marco Rubio in Moscow on Tuesday. Putin said: “We are ready to talk.” \
        The US secretary of state said the deal was worth $1.2 trillion and that 40% of voters agreed.

        Rubio flew back to Washington on 12 February 2025, ahead of what officials call “the big summit”.
        """

    public static let entities: [EntityStub] = [
        EntityStub("Vladimir Putin", .person, aliases: ["Putin"], roles: ["Russian president"]),
        EntityStub("Marco Rubio", .person, aliases: ["Rubio"], roles: ["US secretary of state"]),
        EntityStub("Moscow", .location),
        EntityStub("Washington", .location),
    ]

    /// A record with every field and list filled. Quotes, dates and amounts not found in `body`
    /// are left out.
    public static func record(
        title: String? = "Putin and Rubio meet in Moscow",
        body: String = body,
        publication: String? = "The Guardian",
        authors: [String] = ["Martin Kettle"],
        entities: [EntityStub] = entities,
        path: String = "inbox/putin-rubio.txt"
    ) -> ExtractionRecord {
        let raw = Array(((title.map { $0 + "\n\n" } ?? "") + body).utf8)
        var record = ExtractionRecord(
            source: .init(path: path, sha256: SHA256.hex(of: raw), format: .text, encoding: "utf-8", bytes: raw.count))
        record.title = title
        record.titleSource = title == nil ? nil : .heading
        record.authors = authors
        record.authorSource = authors.isEmpty ? nil : .text
        record.authorRole = authors.isEmpty ? nil : "Guardian columnist"
        record.publication = publication
        record.publishedAt = "2025-02-11T09:30:00Z"
        record.publishedSource = .text
        record.body = body
        record.wordCount = body.split(whereSeparator: \.isWhitespace).count
        record.entities = entities.map { stub in
            Entity(
                name: stub.name, type: stub.type, aliases: stub.aliases, roles: stub.roles,
                mentions: mentions(of: [stub.name] + stub.aliases, in: body))
        }
        if let span = spans(of: "We are ready to talk.", in: body).first {
            record.quotes.append(
                Quote(
                    text: "We are ready to talk.", speaker: "Vladimir Putin", kind: .direct, start: span.start,
                    end: span.end))
        }
        if let span = spans(of: "the big summit", in: body).first {
            record.quotes.append(
                Quote(text: "the big summit", speaker: nil, kind: .scare, start: span.start, end: span.end))
        }
        for (text, value, granularity) in [
            ("Tuesday", "2025-02-11", DateMention.Granularity.day), ("12 February 2025", "2025-02-12", .day),
        ] {
            if let span = spans(of: text, in: body).first {
                record.dates.append(
                    DateMention(text: text, value: value, granularity: granularity, start: span.start, end: span.end))
            }
        }
        if let span = spans(of: "$1.2 trillion", in: body).first {
            record.amounts.append(
                Amount(
                    text: "$1.2 trillion", value: 1.2e12, currency: "USD", unit: nil, start: span.start, end: span.end))
        }
        if let span = spans(of: "40%", in: body).first {
            record.amounts.append(
                Amount(text: "40%", value: 40, currency: nil, unit: "percent", start: span.start, end: span.end))
        }
        record.keyphrases = [
            Keyphrase(text: "secretary of state", score: 0.61), Keyphrase(text: "big summit", score: 0.25),
        ]
        record.summary = [String(body.prefix { $0 != "." }) + "."]
        record.tone = -0.125
        record.simhash = "f0e1d2c3b4a59687"
        return record
    }

    /// An article ready for ``GazetteDatabase/ingest(_:)``, its raw bytes those the record's
    /// SHA-256 was computed from.
    public static func article(
        _ record: ExtractionRecord = record(),
        receivedAt: Date = Date(timeIntervalSince1970: 1_739_266_200)
    ) -> NewArticle {
        let raw = Array(((record.title.map { $0 + "\n\n" } ?? "") + record.body).utf8)
        return NewArticle(record: record, raw: raw, receivedPath: record.source.path, receivedAt: receivedAt)
    }

    /// Every occurrence of `needle` in `text`, as Unicode scalar offsets.
    public static func spans(of needle: String, in text: String) -> [Span] {
        let haystack = Array(text.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        guard !target.isEmpty, target.count <= haystack.count else { return [] }
        return (0...(haystack.count - target.count)).compactMap { start in
            haystack[start..<(start + target.count)].elementsEqual(target)
                ? Span(start: start, end: start + target.count) : nil
        }
    }

    /// Mentions of any of `names`, longest names first, never overlapping, in text order.
    public static func mentions(of names: [String], in text: String) -> [Span] {
        var found: [Span] = []
        for name in names.sorted(by: { $0.count > $1.count }) {
            for span in spans(of: name, in: text) where !found.contains(where: { $0.range.overlaps(span.range) }) {
                found.append(span)
            }
        }
        return found.sorted()
    }
}
