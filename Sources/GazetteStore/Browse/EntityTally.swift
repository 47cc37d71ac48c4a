import Foundation
import GazetteExtraction

/// One entity with how often the stored articles name it, for `gazette entities`.
public struct EntityTally: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    /// Places in the bodies of the counted articles that name it.
    public var mentions: Int
    /// Articles that name it.
    public var articles: Int
    /// Other names the articles used, most used first.
    public var aliases: [String]
    /// Titles and roles the articles gave it, most used first.
    public var roles: [String]
    public var firstSeenAt: Date

    public init(
        id: Int64, name: String, type: EntityType, mentions: Int, articles: Int, aliases: [String], roles: [String],
        firstSeenAt: Date
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.mentions = mentions
        self.articles = articles
        self.aliases = aliases
        self.roles = roles
        self.firstSeenAt = firstSeenAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, mentions, articles, aliases, roles
        case firstSeenAt = "first_seen_at"
    }
}
