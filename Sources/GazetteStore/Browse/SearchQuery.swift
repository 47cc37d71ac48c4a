/// What `gazette search` asks the store for.
public struct SearchQuery: Sendable, Equatable {
    /// The user's search text in the syntax ``SearchPattern`` reads.
    public var text: String
    public var window: TimeWindow
    /// Keep only articles naming this entity (its canonical name, or an alias when no entity
    /// has that canonical name); case-insensitive.
    public var entity: String?
    /// Keep only articles from this publication; case-insensitive, with or without `the`.
    public var publication: String?
    public var limit: Int
    /// Put around each matched word in ``SearchHit/snippet``.
    public var highlight: (open: String, close: String)
    /// Newest-first slices of the archive, in articles, that are ranked before the whole of
    /// it: when the newest `n` articles alone fill the page, older ones are not ranked. This
    /// keeps a search for a word found in most of a million articles to milliseconds. Empty
    /// ranks the whole archive.
    public var recencyTiers: [Int] = SearchQuery.defaultRecencyTiers

    public static let defaultRecencyTiers = [20_000, 100_000, 500_000]

    public init(
        text: String,
        window: TimeWindow = .always,
        entity: String? = nil,
        publication: String? = nil,
        limit: Int = 20,
        highlight: (open: String, close: String) = ("**", "**")
    ) {
        self.text = text
        self.window = window
        self.entity = entity
        self.publication = publication
        self.limit = limit
        self.highlight = highlight
    }

    public static func == (lhs: SearchQuery, rhs: SearchQuery) -> Bool {
        lhs.text == rhs.text && lhs.window == rhs.window && lhs.entity == rhs.entity
            && lhs.publication == rhs.publication && lhs.limit == rhs.limit
            && lhs.highlight.open == rhs.highlight.open && lhs.highlight.close == rhs.highlight.close
            && lhs.recencyTiers == rhs.recencyTiers
    }
}
