import Foundation

/// One article matching a full-text search, best first.
public struct SearchHit: Sendable, Equatable, Codable {
    public var id: Int64
    public var title: String?
    public var publication: String?
    public var publishedAt: String?
    public var ingestedAt: Date
    /// A short excerpt of the title or body with the matched words between the highlight marks.
    public var snippet: String
    /// FTS5's BM25 score: lower (more negative) is a better match.
    public var rank: Double

    public init(
        id: Int64, title: String?, publication: String?, publishedAt: String?, ingestedAt: Date,
        snippet: String, rank: Double
    ) {
        self.id = id
        self.title = title
        self.publication = publication
        self.publishedAt = publishedAt
        self.ingestedAt = ingestedAt
        self.snippet = snippet
        self.rank = rank
    }
}
