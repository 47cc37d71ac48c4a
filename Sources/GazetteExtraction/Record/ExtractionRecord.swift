import Foundation

/// What the pipeline knows about one article: the record `gazette extract` prints and the
/// store persists. Field names and meanings follow `docs/extract-json.md`.
///
/// Offsets (`start`, `end`) are half-open Unicode scalar offsets into ``body``.
public struct ExtractionRecord: Codable, Sendable, Equatable {
    public var schema: Int = 1
    public var source: Source
    public var title: String?
    public var titleSource: TitleSource?
    public var authors: [String] = []
    public var authorSource: AuthorSource?
    public var authorRole: String?
    public var publication: String?
    /// ISO-8601 timestamp, e.g. `2025-12-03T08:00:00Z`; at the source's own UTC offset when it
    /// gave one (`2019-11-20T22:00:00-05:00`), so that the date is the publication's own day.
    public var publishedAt: String?
    public var publishedSource: PublishedSource?
    public var language: String = "en"
    public var body: String = ""
    public var wordCount: Int = 0
    /// Set only when the body was longer than the analysis reads (``AnalysisLimit``): how many
    /// Unicode scalars at its start were analysed. Entities, quotes, dates, amounts, keyphrases,
    /// summary, tone, language and SimHash come from that start; the body and word count are whole.
    public var analyzedChars: Int?
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    public var dates: [DateMention] = []
    public var amounts: [Amount] = []
    public var keyphrases: [Keyphrase] = []
    public var summary: [String] = []
    public var tone: Double = 0
    /// 64-bit SimHash of the body, 16 lower-case hex digits.
    public var simhash: String = "0000000000000000"
    /// Version of the pipeline that produced the record (see ``Extractor/pipelineVersion``).
    public var pipeline: String = Extractor.pipelineVersion

    public init(source: Source) {
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case schema, source, title
        case titleSource = "title_source"
        case authors
        case authorSource = "author_source"
        case authorRole = "author_role"
        case publication
        case publishedAt = "published_at"
        case publishedSource = "published_source"
        case language, body
        case wordCount = "word_count"
        case analyzedChars = "analyzed_chars"
        case entities, quotes, dates, amounts, keyphrases, summary, tone, simhash, pipeline
    }

    public struct Source: Codable, Sendable, Equatable {
        public var path: String
        /// Hex SHA-256 of the raw bytes.
        public var sha256: String
        public var format: Format
        /// Detected encoding, e.g. `utf-8`, `windows-1252`.
        public var encoding: String
        public var bytes: Int
        /// Where in the file the article is when the file holds several (a feed's `item 3`, a
        /// mailbox's `message 2`, a digest's `message 2, story 4`); nil, and left out of the JSON,
        /// for a file that holds one article.
        public var part: String?

        public init(path: String, sha256: String, format: Format, encoding: String, bytes: Int, part: String? = nil) {
            self.path = path
            self.sha256 = sha256
            self.format = format
            self.encoding = encoding
            self.bytes = bytes
            self.part = part
        }
    }

    public enum Format: String, Codable, Sendable, CaseIterable {
        case text, markdown, html, email, json
        /// An RSS 2.0 or Atom feed: one article per item or entry.
        case feed
    }

    public enum TitleSource: String, Codable, Sendable {
        case metadata, heading, lede
        /// HTML: JSON-LD `headline`, a `<meta>` title (OpenGraph, Twitter, Dublin Core), `<title>`.
        case jsonLD = "json-ld"
        case meta
        case titleElement = "title"
    }

    public enum PublishedSource: String, Codable, Sendable {
        case metadata, text, relative, file
        /// HTML: JSON-LD, a `<meta>` tag, microdata or `<time>` markup, the page's URL.
        case jsonLD = "json-ld"
        case meta, markup, url
    }

    public enum AuthorSource: String, Codable, Sendable {
        /// Structured fields of e-mail, JSON and Markdown; a byline line in the text.
        case metadata, text
        /// HTML: JSON-LD, a `<meta>` tag, `itemprop=author` or `rel=author`, a byline element.
        case jsonLD = "json-ld"
        case meta, markup, byline
    }
}

/// A half-open range of Unicode scalar offsets into the body.
public struct Span: Codable, Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    public var range: Range<Int> { start..<end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// The types the entity stage gives, and only those (readers see ``norp`` as "Groups":
/// nationalities, religious and political groups).
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person = "PERSON"
    case organization = "ORGANIZATION"
    case location = "LOCATION"
    case norp = "NORP"
    /// Named storms (`Hurricane Katrina`).
    case event = "EVENT"
    case misc = "MISC"
}

/// One distinct real-world entity in the article, with every place it is mentioned.
public struct Entity: Codable, Sendable, Equatable {
    /// Canonical name: the fullest form seen, e.g. `Vladimir Putin`.
    public var name: String
    public var type: EntityType
    /// Other surface forms seen, e.g. `Putin`.
    public var aliases: [String]
    /// Titles or roles the text gives, e.g. `US secretary of state`.
    public var roles: [String]
    public var mentions: [Span]

    public init(name: String, type: EntityType, aliases: [String] = [], roles: [String] = [], mentions: [Span] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.roles = roles
        self.mentions = mentions
    }
}

public struct Quote: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Direct speech.
        case direct
        /// A quoted phrase attributed to someone (`what X calls "…"`).
        case partial
        /// Scare quotes around a term (`so-called "coalition of the willing"`).
        case scare
    }

    /// The text inside the quotation marks.
    public var text: String
    /// Canonical entity name of the speaker, or nil.
    public var speaker: String?
    public var kind: Kind
    public var start: Int
    public var end: Int

    public init(text: String, speaker: String?, kind: Kind, start: Int, end: Int) {
        self.text = text
        self.speaker = speaker
        self.kind = kind
        self.start = start
        self.end = end
    }
}

public struct DateMention: Codable, Sendable, Equatable {
    public enum Granularity: String, Codable, Sendable {
        case hour, day, week, month, year
    }

    public var text: String
    /// ISO-8601 at its granularity: `2025-02-12`, `2025-W49`, `2025-02`, `1945`, or a timestamp.
    public var value: String
    public var granularity: Granularity
    public var start: Int
    public var end: Int

    public init(text: String, value: String, granularity: Granularity, start: Int, end: Int) {
        self.text = text
        self.value = value
        self.granularity = granularity
        self.start = start
        self.end = end
    }
}

public struct Amount: Codable, Sendable, Equatable {
    public var text: String
    /// Fully expanded number: `£253bn` is 253000000000.
    public var value: Double
    /// ISO 4217 code or nil.
    public var currency: String?
    /// e.g. `percent`, or nil.
    public var unit: String?
    public var start: Int
    public var end: Int

    public init(text: String, value: Double, currency: String?, unit: String?, start: Int, end: Int) {
        self.text = text
        self.value = value
        self.currency = currency
        self.unit = unit
        self.start = start
        self.end = end
    }
}

public struct Keyphrase: Codable, Sendable, Equatable {
    public var text: String
    /// Higher is more relevant.
    public var score: Double

    public init(text: String, score: Double) {
        self.text = text
        self.score = score
    }
}
