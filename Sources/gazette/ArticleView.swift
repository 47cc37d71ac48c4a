import Foundation
import GazetteDaemon
import GazetteExtraction
import GazetteStore

/// The readable page `gazette show` prints for one article.
struct ArticleView {
    let details: ArticleDetails
    let includeBody: Bool

    var text: String {
        let record = details.record
        var lines: [String] = [record.title ?? "(untitled)"]
        var byline: [String] = []
        if let publication = record.publication { byline.append(publication) }
        if !record.authors.isEmpty {
            byline.append(
                "by " + record.authors.joined(separator: ", ") + (record.authorRole.map { " (\($0))" } ?? "")
                    + (record.authorSource.map { " (from \($0.rawValue))" } ?? ""))
        }
        if let published = record.publishedAt {
            byline.append("published " + published + (record.publishedSource.map { " (from \($0.rawValue))" } ?? ""))
        }
        if !byline.isEmpty { lines.append(byline.joined(separator: " · ")) }
        lines.append(
            "\(record.wordCount) words · language \(record.language) · tone \(String(format: "%+.2f", record.tone))")

        section("Summary", record.summary, into: &lines)
        for type in EntityType.allCases {
            let entities = record.entities.filter { $0.type == type }
            section(Self.heading(type), entities.map(Self.describe), into: &lines)
        }
        section(
            "Quotes",
            record.quotes.map { quote in
                "“\(quote.text)”" + (quote.speaker.map { " — \($0)" } ?? "")
                    + (quote.kind == .direct ? "" : " (\(quote.kind.rawValue))")
            }, into: &lines)
        section("Dates", record.dates.map { "\($0.text) → \($0.value)" }, into: &lines)
        section("Amounts", record.amounts.map(Self.describe), into: &lines)
        if !record.keyphrases.isEmpty {
            lines += ["", "Keyphrases: " + record.keyphrases.map(\.text).joined(separator: ", ")]
        }
        if includeBody { lines += ["", record.body] }

        lines += [
            "",
            "Article \(details.id) · ingested \(ISOTimestamp.format(details.ingestedAt))"
                + (details.processedAt == details.ingestedAt
                    ? "" : " · reprocessed \(ISOTimestamp.format(details.processedAt))")
                + " · pipeline \(record.pipeline)",
            "Source: \(record.source.path)" + (record.source.part.map { ", \($0)" } ?? "")
                + " (\(record.source.format.rawValue), \(record.source.encoding), \(record.source.bytes) bytes)",
            "SHA-256: \(record.source.sha256) · SimHash \(record.simhash)",
            "Received: \(details.receivedPath) at \(ISOTimestamp.format(details.receivedAt))",
            "Archive: \(details.archivePath ?? "none (the original was deleted or not yet archived)")",
        ]
        for sighting in details.sightings {
            lines.append("Seen again: \(sighting.path) at \(ISOTimestamp.format(sighting.seenAt))")
        }
        return lines.joined(separator: "\n")
    }

    private func section(_ title: String, _ items: [String], into lines: inout [String]) {
        guard !items.isEmpty else { return }
        lines += ["", title] + items.map { "  " + $0 }
    }

    static func heading(_ type: EntityType) -> String {
        switch type {
        case .person: "People"
        case .organization: "Organisations"
        case .location: "Places"
        case .norp: "Groups"
        case .event: "Events"
        case .misc: "Other names"
        }
    }

    static func describe(_ entity: Entity) -> String {
        var text = entity.name
        if !entity.roles.isEmpty { text += ", " + entity.roles.joined(separator: "; ") }
        if !entity.aliases.isEmpty { text += " (also " + entity.aliases.joined(separator: ", ") + ")" }
        let count = entity.mentions.count
        return text + " · \(count) mention" + (count == 1 ? "" : "s")
    }

    static func describe(_ amount: Amount) -> String {
        var value = amount.value.formatted(.number.grouping(.automatic))
        if let currency = amount.currency { value = currency + " " + value }
        if let unit = amount.unit { value += " " + unit }
        return "\(amount.text) → \(value)"
    }
}
