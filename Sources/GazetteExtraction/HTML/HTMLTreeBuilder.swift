import CLibXML2

/// Builds ``HTMLDocument``'s node array straight from libxml2's SAX events (start tag, end
/// tag, text), so libxml2 never builds its own tree: on a markup-heavy page that tree takes
/// several times the page's size. The parser still does all of HTML's repairs (implied and
/// unclosed tags) and reports them as events.
final class HTMLTreeBuilder {
    private(set) var nodes: [HTMLDocument.Node] = [HTMLDocument.Node(name: "#document", parent: -1, end: 1)]
    private var open = [0]
    /// Depth inside an opaque element whose content is skipped (0 outside one).
    private var skipping = 0
    /// Nodes kept at most (``HTMLDocument/maxNodes``).
    private let maxNodes: Int

    init(maxNodes: Int) { self.maxNodes = maxNodes }

    func start(_ name: String, attributes: [(name: String, value: String)]) {
        if skipping > 0 {
            skipping += 1
            return
        }
        guard nodes.count < maxNodes else { return }
        let index = nodes.count
        nodes.append(HTMLDocument.element(name, attributes: attributes, parent: open.last!, index: index))
        open.append(index)
        let isJSON =
            name == "script" && attributes.contains { $0.name == "type" && $0.value.lowercased().contains("json") }
        if HTMLDocument.opaque.contains(name), !isJSON { skipping = 1 }
    }

    func end() {
        if skipping > 1 {
            skipping -= 1
            return
        }
        skipping = 0
        guard open.count > 1 else { return }
        nodes[open.removeLast()].end = nodes.count
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard skipping == 0, nodes.count < maxNodes, !bytes.isEmpty else { return }
        let parent = open.last!
        // The parser may report one text in several pieces.
        if let last = nodes.indices.last, nodes[last].isText, nodes[last].parent == parent {
            if nodes[last].text == " " {
                if !bytes.allSatisfy(HTMLDocument.isBlank) {
                    nodes[last].text += String(decoding: bytes, as: UTF8.self)
                }
            } else {
                nodes[last].text += String(decoding: bytes, as: UTF8.self)
            }
            nodes[last].end = nodes.count
            return
        }
        // White space between tags is common; as one space it takes no storage.
        let text = bytes.allSatisfy(HTMLDocument.isBlank) ? " " : String(decoding: bytes, as: UTF8.self)
        nodes.append(HTMLDocument.Node(name: "#text", parent: parent, end: nodes.count + 1, text: text))
    }

    /// Closes what the page left open.
    func finish() -> [HTMLDocument.Node] {
        for index in open { nodes[index].end = nodes.count }
        return nodes
    }

    /// Parses `html` (UTF-8, at most `count` bytes) with libxml2's push parser and these callbacks.
    static func parse(_ html: UnsafeBufferPointer<CChar>, options: Int32, maxNodes: Int) -> [HTMLDocument.Node] {
        let builder = HTMLTreeBuilder(maxNodes: maxNodes)
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            var pairs: [(name: String, value: String)] = []
            var k = 0
            while let attributes, let key = attributes[k] {
                var attributeName = String(cString: key)
                // Nearly always lower case already: no second string.
                if attributeName.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                    attributeName = attributeName.lowercased()
                }
                if HTMLDocument.keptAttributes.contains(attributeName) {
                    pairs.append((attributeName, attributes[k + 1].map { String(cString: $0) } ?? ""))
                }
                k += 2
            }
            Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().start(
                String(cString: name), attributes: pairs)
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().end()
        }
        let characters: charactersSAXFunc = { context, chars, count in
            guard let context, let chars, count > 0 else { return }
            Unmanaged<HTMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().text(
                UnsafeBufferPointer(start: chars, count: Int(count)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        let context = Unmanaged.passUnretained(builder).toOpaque()
        guard let parser = htmlCreatePushParserCtxt(&handler, context, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            return builder.finish()
        }
        defer { htmlFreeParserCtxt(parser) }
        htmlCtxtUseOptions(parser, options)
        // In slices, so that no count overflows Int32 and libxml2's input buffer, which drops
        // what it has read only as it nears the end of what it was given, stays small.
        var offset = 0
        repeat {
            let size = min(html.count - offset, 1 << 16)
            let last = offset + size >= html.count
            _ = htmlParseChunk(parser, html.baseAddress.map { $0 + offset }, Int32(size), last ? 1 : 0)
            offset += size
        } while offset < html.count
        return withExtendedLifetime(builder) { builder.finish() }
    }
}
