import CLibXML2
import Foundation

/// A page parsed by libxml2's HTML parser (``HTMLTreeBuilder``) into a flat array of nodes in
/// document order, so that every later pass is a loop over indices (no recursion, whatever the
/// depth).
///
/// A node's subtree is the index range `index..<end`; its children start at `index + 1`.
struct HTMLDocument {
    struct Node {
        /// Lower-case element name, or `#text` for a text node.
        var name: String
        var parent: Int
        /// One past the node's last descendant.
        var end: Int
        /// A text node's text; empty for an element.
        var text: String = ""
        /// The attributes the metadata reader looks at, lower-case names (`class`, `id`, `role`,
        /// `style` … are read once, into the hints below, and not kept).
        var attributes: [(name: String, value: String)] = []
        /// What the element's name, role, class and id say (``ElementHints``).
        var furniture = ElementHints.Furniture.none
        var isContent = false
        var isByline = false
        var isDate = false
        /// The horizontal rules it draws (``ElementHints/rule(_:attributes:key:)``).
        var rule: ElementHints.Rule = []

        var isText: Bool { name == "#text" }

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// Node 0 is the document itself (`#document`).
    private(set) var nodes: [Node]

    /// Bytes of HTML read at most; a longer page is cut (recover mode closes what is open).
    static let maxBytes = 32 << 20
    /// Nodes kept at most; the rest of a page past this many is left out.
    static let maxNodes = 2_000_000
    /// Elements whose content is never text of the page. JSON scripts (JSON-LD, a framework's
    /// page data) are kept for the metadata.
    static let opaque: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "select", "textarea",
    ]
    /// Attributes read while parsing: for the hints, then (``metadataAttributes``) for the metadata.
    static let keptAttributes: Set<String> = [
        "id", "class", "itemprop", "rel", "property", "name", "content", "href", "datetime", "type", "role",
        "aria-hidden", "hidden", "style", "pubdate", "lang", "title",
    ]
    static let metadataAttributes: Set<String> = ["itemprop", "rel", "content", "datetime", "pubdate", "property"]

    /// libxml2's global state is set up once, before any parse (its parser is then thread-safe).
    private static let setUp: Void = { xmlInitParser() }()

    /// `maxNodes`: the node cap (``maxNodes``; smaller in tests).
    init(html: String, maxNodes: Int = Self.maxNodes) {
        _ = Self.setUp
        nodes = [Node(name: "#document", parent: -1, end: 1)]
        var html = html
        guard !html.isEmpty else { return }
        // Without XML_PARSE_HUGE libxml2 stops at depth 256 and drops the rest of the page; the
        // byte and node caps here bound the work instead, and nothing after the parse recurses.
        let options =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue
        nodes = html.withUTF8 { buffer in
            var count = min(buffer.count, Self.maxBytes)
            // Cut at a character boundary.
            while count < buffer.count, count > 0, buffer[count] & 0xC0 == 0x80 { count -= 1 }
            return buffer.withMemoryRebound(to: CChar.self) { chars in
                HTMLTreeBuilder.parse(
                    UnsafeBufferPointer(rebasing: chars[..<count]), options: Int32(options), maxNodes: maxNodes)
            }
        }
    }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    /// An element node with its hints worked out and only the attributes the metadata needs.
    static func element(_ name: String, attributes: [(name: String, value: String)], parent: Int, index: Int) -> Node {
        var node = Node(name: name, parent: parent, end: index + 1, attributes: attributes)
        // Built once: an element's hints all search its class and id.
        let key = ClassKey(attributes)
        node.furniture = ElementHints.furniture(node, key: key)
        node.isContent = ElementHints.isContent(node, key: key)
        node.isByline = key.contains(any: ElementHints.bylineParts) && !key.contains(any: ElementHints.notBylineParts)
        node.isDate = key.contains(any: ElementHints.dateParts) && !key.contains(any: ElementHints.updateParts)
        node.rule = ElementHints.rule(name, attributes: attributes, key: key)
        node.attributes = attributes.filter { attribute in
            switch attribute.name {
            case "href": name == "link"
            case "name": name == "meta"
            case "type": name == "script"
            case "lang": name == "html"
            case "title": node.isDate && attribute.value.utf8.count <= 100
            default: metadataAttributes.contains(attribute.name)
            }
        }
        return node
    }

    var count: Int { nodes.count }

    subscript(index: Int) -> Node { nodes[index] }

    /// The text of a subtree, whitespace runs as single spaces, trimmed.
    func text(of index: Int, limit: Int = 2_000) -> String {
        var out = ""
        var i = index + 1
        while i < nodes[index].end, out.utf8.count < limit {
            if nodes[i].isText { out += nodes[i].text }
            i += 1
        }
        return Self.collapse(out)
    }

    /// Runs of white space as one space, trimmed.
    static func collapse(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for c in text.unicodeScalars {
            if c.properties.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}" {
                space = !out.isEmpty
            } else {
                if space { out.unicodeScalars.append(" ") }
                space = false
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// An element's `class` and `id` values, lower-cased, as bytes: byte searches for the hint
/// words are what keeps the reader fast on pages with a class on every element.
struct ClassKey {
    private(set) var bytes: [UInt8] = []

    init(_ attributes: [(name: String, value: String)]) {
        for attribute in attributes where attribute.name == "class" || attribute.name == "id" {
            if !bytes.isEmpty { bytes.append(0x20) }
            bytes += attribute.value.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        }
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Whether one of `parts` occurs anywhere.
    func contains(any parts: [[UInt8]]) -> Bool {
        guard !bytes.isEmpty else { return false }
        return bytes.withUnsafeBufferPointer { hay in
            parts.contains { part in
                guard let first = part.first, hay.count >= part.count else { return false }
                var i = 0
                while i <= hay.count - part.count {
                    if hay[i] == first {
                        var k = 1
                        while k < part.count, hay[i + k] == part[k] { k += 1 }
                        if k == part.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether one of `words` is a whole word (between spaces, `-` or `_`).
    func contains(word words: [[UInt8]]) -> Bool {
        var start = 0
        for i in 0...bytes.count
        where i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x2D || bytes[i] == 0x5F || bytes[i] == 0x09
            || bytes[i] == 0x0A
        {
            if i > start {
                let word = bytes[start..<i]
                if words.contains(where: { $0.elementsEqual(word) }) { return true }
            }
            start = i + 1
        }
        return false
    }

    static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}
