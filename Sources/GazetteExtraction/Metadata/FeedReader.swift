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
/// publication, else the link's host. External entities are never resolved. A feed with an XML
/// error keeps the items that can be read; the others are parts that fail.
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
    /// When an XML error (an unknown entity, a bare `<` or `&`, a tag left open, a download cut
    /// short) comes before the last item's end, each item is read on its own
    /// (``recovered(_:ranges:channel:)``): an item with an error of its own is a part that fails,
    /// never a repaired guess. The feed is refused only when no item survives.
    static func read(_ text: String, limit: Int) throws(ExtractionError) -> [FilePart] {
        let feed = FeedParser(limit: limit)
        feed.parse(Data(text.utf8))
        if feed.items.count > limit { throw .tooManyParts(found: feed.items.count, limit: limit) }
        guard feed.isFeed else { throw .malformed(format: .feed) }
        var items = feed.cleanItems.map { Result<FeedItem, ExtractionError>.success($0) }
        var channel = feed.channelTitle
        let bytes = Array(text.utf8)
        let ranges = itemRanges(bytes)
        if items.count < ranges.count {
            if ranges.count > limit { throw .tooManyParts(found: ranges.count, limit: limit) }
            (items, channel) = recovered(bytes, ranges: ranges, channel: channel)
            guard items.contains(where: { (try? $0.get()) != nil }) else { throw .malformed(format: .feed) }
        }
        guard !items.isEmpty else { throw .noArticleText(format: .feed) }
        let drafts = items.map { result in
            result.flatMap { item -> Result<ArticleDraft, ExtractionError> in
                draft(item, channel: channel).map { .success($0) } ?? .failure(.noArticleText(format: .feed))
            }
        }
        if drafts.count == 1, case .failure(let error) = drafts[0] { throw error }
        return FilePart.numbered(drafts, noun: "item")
    }

    /// The items at `ranges` of a feed's bytes, each parsed on its own behind the feed's head
    /// (what precedes the first item: the channel's title), else, when the head is what is
    /// broken or too long to repeat, behind the root's start tag alone: each item the parser
    /// reads to its end without an error, a ``ExtractionError/malformedPart(format:)`` for the
    /// others; and the channel's title.
    static func recovered(
        _ bytes: [UInt8], ranges: [Range<Int>], channel: String?
    ) -> (items: [Result<FeedItem, ExtractionError>], channel: String?) {
        guard let first = ranges.first else { return ([], channel) }
        let head = bytes[..<first.lowerBound]
        let heads = [head.count <= maximumRepeatedHead ? Array(head) : nil, rootTags(head)].compactMap { $0 }
        var channel = channel
        let items = ranges.map { range -> Result<FeedItem, ExtractionError> in
            for head in heads {
                let single = FeedParser(limit: 1)
                single.parse(Data(head + bytes[range]))
                // The missing end of the feed is an error too, but after the item's end.
                if let item = single.cleanItems.first {
                    channel = channel ?? single.channelTitle
                    return .success(item)
                }
            }
            return .failure(.malformedPart(format: .feed))
        }
        return (items, channel)
    }

    /// Bytes of a feed's head parsed again with each item of a broken feed, at most.
    static let maximumRepeatedHead = 65_536

    /// Where each `<item>` (`<entry>`) of a feed's bytes starts and ends, comments and CDATA
    /// skipped; an item not closed ends where the next begins, or at the end of the file.
    static func itemRanges(_ b: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if b.starts(with: "<![CDATA[", at: i) {
                i = b.index(after: "]]>", from: i + 9)
            } else if b.starts(with: "<!--", at: i) {
                i = b.index(after: "-->", from: i + 4)
            } else if b.startsTag(["item", "entry"], at: i + 1) {
                if let start { ranges.append(start..<i) }
                start = i
                i += 1
            } else if b.starts(with: "</", at: i), b.startsTag(["item", "entry"], at: i + 2) {
                let end = b[i...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? b.count
                if let open = start { ranges.append(open..<end) }
                start = nil
                i = end
            } else {
                i += 1
            }
        }
        if let start { ranges.append(start..<b.count) }
        return ranges
    }

    /// The root's start tag (`<rss …>` with its namespace declarations, then `<channel>`; or
    /// Atom's `<feed …>`), nil when the head has none.
    static func rootTags(_ head: ArraySlice<UInt8>) -> [UInt8]? {
        let bytes = Array(head)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes.startsTag(["rss", "feed"], at: i + 1),
                let close = bytes[i...].firstIndex(of: UInt8(ascii: ">"))
            {
                let root = Array(bytes[i...close])
                return bytes[i + 1] == UInt8(ascii: "r") ? root + Array("<channel>".utf8) : root
            }
            i += 1
        }
        return nil
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

    /// How many items were read before the first XML error (nil without one).
    private var itemsBeforeError: Int?

    /// The items read before the first XML error: after one, the parser may go on with a guess
    /// (an unknown entity dropped, a tag closed), or an entity bomb may have been cut short.
    var cleanItems: ArraySlice<FeedItem> { items.prefix(itemsBeforeError ?? items.count) }

    /// Parses `data` into this delegate's fields (external entities never resolved). Its result
    /// says little (the parser reports some errors it stops at as success): errors are counted
    /// as they come (``cleanItems``).
    func parse(_ data: Data) {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        _ = parser.parse()
        if parser.parserError != nil, itemsBeforeError == nil { itemsBeforeError = items.count }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if itemsBeforeError == nil { itemsBeforeError = items.count }
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

extension [UInt8] {
    /// Whether `prefix`'s bytes stand at `index`.
    fileprivate func starts(with prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index >= 0, index + count <= self.count else { return false }
        return prefix.withUTF8Buffer { self[index..<(index + count)].elementsEqual($0) }
    }

    /// The index just past the first `marker` from `index` on, or the end.
    fileprivate func index(after marker: StaticString, from index: Int) -> Int {
        var i = index
        while i < count {
            if starts(with: marker, at: i) { return i + marker.utf8CodeUnitCount }
            i += 1
        }
        return count
    }

    /// Whether a tag named one of `names` starts at `index` (the name followed by white space,
    /// `>` or `/`).
    fileprivate func startsTag(_ names: [String], at index: Int) -> Bool {
        names.contains { name in
            let end = index + name.utf8.count
            guard end < count, self[index..<end].elementsEqual(name.utf8) else { return false }
            return [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(self[end])
        }
    }
}
