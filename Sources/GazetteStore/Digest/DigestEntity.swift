import Foundation
import GazetteExtraction

/// An entity with the number of articles that named it in some window.
public struct DigestEntity: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    public var firstSeenAt: Date
    public var articles: Int
}
