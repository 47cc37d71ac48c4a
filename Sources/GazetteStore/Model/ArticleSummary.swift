import Foundation

/// One line of an article listing.
public struct ArticleSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var title: String?
    public var publication: String?
    /// ISO-8601 UTC timestamp as extracted, or nil.
    public var publishedAt: String?
    public var ingestedAt: Date

    public init(id: Int64, title: String?, publication: String?, publishedAt: String?, ingestedAt: Date) {
        self.id = id
        self.title = title
        self.publication = publication
        self.publishedAt = publishedAt
        self.ingestedAt = ingestedAt
    }
}
