import Foundation
import GazetteExtraction

/// A stored article as `gazette export` writes it: the record plus the id and times the store adds.
public struct ExportedArticle: Sendable, Equatable {
    public var id: Int64
    public var ingestedAt: Date
    public var archivePath: String?
    public var record: ExtractionRecord

    public init(id: Int64, ingestedAt: Date, archivePath: String?, record: ExtractionRecord) {
        self.id = id
        self.ingestedAt = ingestedAt
        self.archivePath = archivePath
        self.record = record
    }

    /// The CSV columns, one row per article.
    public static let csvHeader = [
        "id", "title", "authors", "publication", "published_at", "ingested_at", "language", "word_count", "tone",
        "entities", "quotes", "keyphrases", "summary", "source_path", "source_format", "sha256", "simhash",
        "pipeline", "archive_path",
    ]

    /// This article's values for ``csvHeader``; lists are joined with `; `.
    public var csvFields: [String] {
        [
            String(id), record.title ?? "", record.authors.joined(separator: "; "), record.publication ?? "",
            record.publishedAt ?? "", ingestedAt.formatted(.iso8601),
            record.language, String(record.wordCount), String(record.tone), String(record.entities.count),
            String(record.quotes.count), record.keyphrases.map(\.text).joined(separator: "; "),
            record.summary.joined(separator: " "), record.source.path, record.source.format.rawValue,
            record.source.sha256,
            record.simhash, record.pipeline, archivePath ?? "",
        ]
    }
}
