import Foundation
import GazetteExtraction

/// One stored quotation with who said it and where, for `gazette quotes`.
public struct StoredQuote: Sendable, Equatable, Codable {
    public var articleID: Int64
    public var text: String
    /// The speaker's canonical name as the article gave it, or nil when unattributed.
    public var speaker: String?
    /// The first role the same article gave the speaker, e.g. `US secretary of state`.
    public var role: String?
    public var kind: Quote.Kind
    public var title: String?
    public var publication: String?
    /// ISO-8601 UTC as extracted, or nil.
    public var publishedAt: String?

    public init(
        articleID: Int64, text: String, speaker: String?, role: String?, kind: Quote.Kind, title: String?,
        publication: String?, publishedAt: String?
    ) {
        self.articleID = articleID
        self.text = text
        self.speaker = speaker
        self.role = role
        self.kind = kind
        self.title = title
        self.publication = publication
        self.publishedAt = publishedAt
    }

    enum CodingKeys: String, CodingKey {
        case text, speaker, role, kind, title, publication
        case articleID = "article_id"
        case publishedAt = "published_at"
    }
}
