import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an RSS 2.0 or Atom feed: one article per item (entry) with content.
///
/// An item's text is its full content (`content:encoded`, Atom `content`), else its
/// `description` (`summary`); HTML goes through ``HTMLReader``'s text extraction. Its title,
/// link, authors (`author`, `dc:creator`, Atom `author/name`) and date (`pubDate`, `dc:date`,
/// `published`, else `updated`) are the article's metadata; the channel's title is the
/// publication, else the link's host. External entities are never resolved.
enum FeedReader {
    /// The lower-cased start of a text that is a feed: an XML document whose root is `<rss>` or an
    /// Atom `<feed>`.
    static func looksLikeFeed(_ lowerHead: String) -> Bool {
        guard lowerHead.hasPrefix("<?xml") || lowerHead.hasPrefix("<rss") || lowerHead.hasPrefix("<feed") else {
            return false
        }
        return lowerHead.contains("<rss") || (lowerHead.contains("<feed") && lowerHead.contains("w3.org/2005/atom"))
    }

    /// The feed's items as parts (`item 1`, `item 2` …; no locator for a feed of one item).
    static func read(_ text: String, limit: Int) throws(ExtractionError) -> [FilePart] {
        let feed = FeedParser(limit: limit)
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = feed
        let parsed = parser.parse()
        if feed.items.count > limit { throw .tooManyParts(found: feed.items.count, limit: limit) }
        guard parsed, feed.isFeed else { throw .malformed(format: .feed) }
        guard !feed.items.isEmpty else { throw .noArticleText(format: .feed) }
        let drafts = feed.items.map { item -> Result<ArticleDraft, ExtractionError> in
            draft(item, channel: feed.channelTitle).map { .success($0) } ?? .failure(.noArticleText(format: .feed))
        }
        if drafts.count == 1, case .failure(let error) = drafts[0] { throw error }
        return FilePart.numbered(drafts, noun: "item")
    }

    /// The article of one item, nil when it has no text.
    static func draft(_ item: FeedItem, channel: String?) -> ArticleDraft? {
        guard let body = [item.content, item.summary].compactMap({ $0 }).first(where: { !$0.isBlank }) else {
            return nil
        }
        var draft = ArticleDraft(
            lines: body.contains("<") && body.contains(">") ? HTMLReader.read(body).lines : body.lines())
        if let title = item.title, !title.isBlank {
            draft.metadata.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
            draft.metadata.titleSource = .metadata
        }
        draft.metadata.authors = item.authors
        if let date = item.published ?? item.updated, let match = DateParser.parse(date) {
            draft.metadata.publishedAt = match.date
            draft.metadata.publishedSource = .metadata
            draft.metadata.publishedOffset = match.offset
        }
        let host = item.link.flatMap { URL(string: $0)?.host }.map {
            $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0
        }
        draft.metadata.publication = channel ?? host
        return draft
    }

    /// An RSS author is an address with the name in brackets (`jo@example.com (Jo Smith)`): the
    /// name, or the text when it is no address.
    static func authorName(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let open = trimmed.firstIndex(of: "("), let close = trimmed.lastIndex(of: ")"), open < close {
            let name = trimmed[trimmed.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : name
        }
        return trimmed.isEmpty || trimmed.contains("@") ? nil : trimmed
    }
}

/// What a feed says about one item.
struct FeedItem {
    var title: String?
    var link: String?
    var authors: [String] = []
    var published: String?
    var updated: String?
    var content: String?
    var summary: String?
}

/// The SAX delegate behind ``FeedReader``: collects the channel's title and each item's fields.
private final class FeedParser: NSObject, XMLParserDelegate {
    let limit: Int
    var items: [FeedItem] = []
    var channelTitle: String?
    /// Whether the root element is `rss` or `feed`.
    var isFeed = false

    private var path: [String] = []
    private var item: FeedItem?
    /// The element whose text is being collected, and its depth in ``path``.
    private var capture: (name: String, depth: Int)?
    private var buffer = ""

    /// Elements whose text is collected, inside an item (or the channel, for `title`).
    static let fields: Set<String> = [
        "title", "link", "author", "dc:creator", "name", "pubdate", "dc:date", "published", "updated",
        "content:encoded", "content", "description", "summary",
    ]
    /// Elements of Atom's XHTML content that end a paragraph.
    static let blocks: Set<String> = ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"]

    init(limit: Int) {
        self.limit = limit
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = elementName.lowercased()
        if path.isEmpty { isFeed = name == "rss" || name == "feed" }
        path.append(name)
        if capture?.name == "author" {
            // Atom: the author's name is a child element.
            capture = nil
        }
        if capture != nil {
            if Self.blocks.contains(name.split(separator: ":").last.map(String.init) ?? name) { buffer += "\n\n" }
            return
        }
        if name == "item" || name == "entry" {
            item = FeedItem()
            return
        }
        if item != nil, name == "link", let href = attributes["href"] {
            // Atom: the entry's own page, not its enclosures or replies.
            if ["alternate", nil].contains(attributes["rel"]), item?.link == nil { item?.link = href }
            return
        }
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        let channelTitle = item == nil && name == "title" && (parent == "channel" || parent == "feed")
        let authorName = name == "name" && parent == "author"
        guard channelTitle || (item != nil && Self.fields.contains(name) && (name != "name" || authorName)) else {
            return
        }
        capture = (name, path.count)
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture != nil { buffer += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capture != nil { buffer += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        defer { path.removeLast() }
        let name = elementName.lowercased()
        if let open = capture, open.depth == path.count, open.name == name {
            capture = nil
            store(name, buffer)
            return
        }
        if capture == nil, name == "item" || name == "entry", let finished = item {
            items.append(finished)
            item = nil
            if items.count > limit { parser.abortParsing() }
        }
    }

    private func store(_ name: String, _ text: String) {
        guard var current = item else {
            channelTitle = text.isBlank ? nil : text.trimmingCharacters(in: .whitespacesAndNewlines)
            return
        }
        switch name {
        case "title": current.title = current.title ?? text
        case "link": current.link = current.link ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
        case "author", "dc:creator", "name":
            if let author = FeedReader.authorName(text), !current.authors.contains(author) {
                current.authors.append(author)
            }
        case "pubdate", "dc:date", "published": current.published = current.published ?? text
        case "updated": current.updated = text
        case "content:encoded", "content": current.content = text
        default: current.summary = current.summary ?? text
        }
        item = current
    }
}

extension String {
    /// Empty or only whitespace.
    fileprivate var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
