import Foundation
import GazetteExtraction

/// One digest: what was ingested in a window, arranged in the sections users read.
///
/// This is also the JSON format (`YYYY-MM-DD.json`); an empty section is an empty array.
public struct Digest: Sendable, Codable, Equatable {
    public var window: DigestWindow
    /// IANA identifier of the zone the digest's days and times are shown in.
    public var timeZone: String
    public var generatedAt: Date
    public var glance: Glance
    public var stories: [Story]
    public var names: Names
    public var quotes: [Speaker]
    public var numbers: [Number]
    public var datesAhead: [CalendarDay]
    public var articles: [Article]

    public var isEmpty: Bool { articles.isEmpty }

    public struct Glance: Sendable, Codable, Equatable {
        public var articles: Int
        public var publications: Int
        public var authors: Int
        /// A sentence naming the biggest story, or nil when nothing was ingested.
        public var biggestStory: String?
    }

    /// Articles about the same story, grouped.
    public struct Story: Sendable, Codable, Equatable {
        public var headline: String
        /// Distinct publications that carried the story, most articles first.
        public var publications: [String]
        public var articleIDs: [Int64]
        /// Two or three sentences.
        public var summary: [String]
        public var people: [String]
        public var places: [String]
        /// How many sources carried it: distinct publications, or articles when none is known.
        public var sources: Int

        /// `articleIds`, which the snake_case strategy writes `article_ids` and reads back.
        enum CodingKeys: String, CodingKey {
            case headline, publications, summary, people, places, sources
            case articleIDs = "articleIds"
        }
    }

    public struct Names: Sendable, Codable, Equatable {
        /// The most named people, organisations and places of the window.
        public var top: [NameTrend]
        /// Names much less present than over the previous seven days.
        public var falling: [NameTrend]
        /// Names the store had never seen before this window.
        public var firstSeen: [String]

        public var isEmpty: Bool { top.isEmpty && falling.isEmpty && firstSeen.isEmpty }
    }

    public struct NameTrend: Sendable, Codable, Equatable {
        public var name: String
        /// A person, organisation or place.
        public var type: EntityType
        /// Mentions in the window's articles.
        public var mentions: Int
        /// Articles of the window naming it.
        public var articles: Int
        /// Articles naming it over the seven days before the window.
        public var previousWeek: Int
        public var change: Change
        /// Articles naming it on each of the 14 local days ending with the window's last day.
        public var daily: [Int]
    }

    public enum Change: String, Sendable, Codable, Equatable {
        case new, rising, steady, falling
    }

    /// The strongest direct quotes of one speaker.
    public struct Speaker: Sendable, Codable, Equatable {
        public var name: String
        public var role: String?
        public var quotes: [Quotation]
    }

    public struct Quotation: Sendable, Codable, Equatable {
        public var text: String
        public var articleID: Int64
        public var publication: String?
        public var title: String?

        enum CodingKeys: String, CodingKey {
            case text, publication, title
            case articleID = "articleId"
        }
    }

    public struct Number: Sendable, Codable, Equatable {
        public var text: String
        public var value: Double
        public var currency: String?
        public var unit: String?
        /// The sentence the amount appears in.
        public var context: String
        public var articleID: Int64
        public var publication: String?

        enum CodingKeys: String, CodingKey {
            case text, value, currency, unit, context, publication
            case articleID = "articleId"
        }
    }

    /// One day of the "dates ahead" calendar.
    public struct CalendarDay: Sendable, Codable, Equatable {
        /// `YYYY-MM-DD`.
        public var date: String
        public var events: [Event]
    }

    public struct Event: Sendable, Codable, Equatable {
        /// The date as the article wrote it, e.g. `next Tuesday`.
        public var text: String
        /// `HH:MM` when the article gave a time.
        public var time: String?
        public var context: String
        public var articleID: Int64
        public var publication: String?

        enum CodingKeys: String, CodingKey {
            case text, time, context, publication
            case articleID = "articleId"
        }
    }

    public struct Article: Sendable, Codable, Equatable {
        public var id: Int64
        public var title: String
        public var publication: String?
        public var authors: [String]
        /// ISO-8601, or nil when the article gave no date (``dated`` is false then too).
        public var publishedAt: String?
        /// Whether the article said when it was published; an undated article's ingest time
        /// stands in nowhere in the digest.
        public var dated: Bool
        public var ingestedAt: Date
        public var keyphrases: [String]
        /// The name of the file as it was dropped.
        public var sourceName: String
        /// The archived original, or the path it arrived at when it was not archived.
        public var archivePath: String
        /// The original file as a link that works from the digest's folder (relative), or an
        /// absolute path when the digest has no folder.
        public var link: String
    }
}
