import Foundation
import GazetteExtraction

/// Everything the digest needs about the articles ingested in one window, read in one
/// transaction by ``GazetteDatabase/digestSlice(from:to:)``.
///
/// Plain values so that the digest module never sees GRDB.
public struct DigestSlice: Sendable, Equatable {
    public var articles: [Article]
    /// One row per entity of each article, with the shared entity's canonical name.
    public var entityLinks: [EntityLink]
    /// Direct quotes only.
    public var quotes: [Quote]
    public var amounts: [Amount]
    /// Dates on or after the day the window ends (by UTC date text), at day or hour granularity.
    public var dates: [DateMention]

    public init(
        articles: [Article] = [], entityLinks: [EntityLink] = [], quotes: [Quote] = [], amounts: [Amount] = [],
        dates: [DateMention] = []
    ) {
        self.articles = articles
        self.entityLinks = entityLinks
        self.quotes = quotes
        self.amounts = amounts
        self.dates = dates
    }

    public struct Article: Sendable, Equatable {
        public var id: Int64
        public var title: String?
        public var publication: String?
        public var authors: [String]
        /// ISO-8601 UTC timestamp as extracted, or nil.
        public var publishedAt: String?
        public var ingestedAt: Date
        /// Where the original file was archived, or nil when it was deleted.
        public var archivePath: String?
        public var sourcePath: String
        public var simhash: UInt64
        /// The start of the body (at most ``DigestSlice/leadLength`` characters), for telling stories apart.
        public var lead: String
        /// Where the publication time came from (`metadata`, `text`, `relative`, `file`); `file`
        /// means none was found and the file's modification time stands in.
        public var publishedSource: String?
        public var summary: [String]
        /// Best first.
        public var keyphrases: [String]
        public var wordCount: Int
    }

    /// Characters of each body read for ``Article/lead``: the first paragraphs, which say what
    /// the story is.
    public static let leadLength = 1500

    public struct EntityLink: Sendable, Equatable {
        public var articleID: Int64
        public var entityID: Int64
        /// The shared entity's canonical name.
        public var name: String
        public var type: EntityType
        /// How many times this article mentions the entity (at least 1).
        public var mentions: Int
        public var roles: [String]
        public var firstSeenAt: Date
    }

    public struct Quote: Sendable, Equatable {
        public var articleID: Int64
        public var speaker: String?
        public var speakerEntityID: Int64?
        public var text: String
    }

    public struct Amount: Sendable, Equatable {
        public var articleID: Int64
        public var text: String
        public var value: Double
        public var currency: String?
        public var unit: String?
        /// Up to 150 characters of body either side of the amount.
        public var context: TextContext
    }

    public struct DateMention: Sendable, Equatable {
        public var articleID: Int64
        public var text: String
        /// ISO-8601 at its granularity (`2025-02-12` or a timestamp).
        public var value: String
        public var granularity: String
        public var context: TextContext
    }

    /// A stretch of body text around a span: `before`, the span's own text, `after`.
    public struct TextContext: Sendable, Equatable {
        public var before: String
        public var after: String

        public init(before: String, after: String) {
            self.before = before
            self.after = after
        }
    }
}
