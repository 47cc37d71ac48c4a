/// The page cut into blocks of text: each run of text between two block-element boundaries,
/// owned by the innermost block element around it, with what the content finder weighs.
struct TextBlock {
    /// Index of the innermost block element around the text.
    var owner: Int
    /// The text, white space collapsed; `<br>` as a line break.
    var text: String
    /// Characters other than white space.
    var chars: Int
    /// Of those, characters inside links.
    var linkChars: Int
    var isHeading: Bool
    /// A horizontal rule (``rule``), kept only when asked for: no text, no weight.
    var isRule = false

    /// The line a rule block gives: one ``NewsletterDigest`` splits at and the clean-up removes.
    static let rule = "* * *"

    var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }

    /// Whether the block reads as sentences rather than a label, a menu item or a link.
    var looksLikeProse: Bool {
        guard linkDensity <= 0.35 else { return false }
        if chars >= 80 { return true }
        guard chars >= 30, let last = text.unicodeScalars.last else { return false }
        return ".!?…\"'”’:)".unicodeScalars.contains(last)
    }
}

extension TextBlock {
    /// Cuts the page's text into blocks in one pass over its nodes. Text in `<head>`, inside
    /// inline controls (`<button>`, `<label>`) and opaque elements is left out. With `rules`, the
    /// horizontal rules elements draw (``ElementHints/rule(_:attributes:key:)``) are blocks too,
    /// where they stand: a cell's bottom border after its row's line, a top border only where a
    /// line begins.
    static func blocks(of doc: HTMLDocument, rules: Bool = false) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var inLink = [Bool](repeating: false, count: doc.count)
        var muted = [Bool](repeating: false, count: doc.count)
        // Open elements: index, end and whether it is a block.
        var open: [(index: Int, end: Int, block: Bool)] = []
        var owners = [0]
        var line = LineBuilder()
        // A rule that follows the line being built (an inline element's bottom border).
        var pendingRule = false
        func rule() {
            guard blocks.last?.isRule != true else { return }
            blocks.append(
                TextBlock(owner: owners.last!, text: Self.rule, chars: 0, linkChars: 0, isHeading: false, isRule: true))
        }
        func flush() {
            if line.chars > 0 {
                let owner = owners.last!
                blocks.append(
                    TextBlock(
                        owner: owner, text: line.text, chars: line.chars, linkChars: line.linkChars,
                        isHeading: ElementHints.headings.contains(doc[owner].name)))
            }
            line = LineBuilder()
            if pendingRule {
                pendingRule = false
                rule()
            }
        }
        func close(_ index: Int, block: Bool) {
            let after = rules && !muted[index] && doc[index].rule.contains(.after)
            if block {
                flush()
                if after { rule() }
                owners.removeLast()
            } else if after {
                pendingRule = true
            }
        }
        for i in 1..<doc.count {
            while let last = open.last, last.end <= i {
                open.removeLast()
                close(last.index, block: last.block)
                if !last.block { line.boundary = true }
            }
            let node = doc[i]
            let parent = node.parent
            if node.isText {
                if !muted[parent] { line.append(node.text, inLink: inLink[parent]) }
                continue
            }
            let name = node.name
            inLink[i] = inLink[parent] || name == "a"
            let isBlock = ElementHints.blocks.contains(name)
            muted[i] =
                name == "head" || name == "script" || ElementHints.controls.contains(name)
                || (muted[parent] && !isBlock)
            if isBlock {
                flush()
                owners.append(i)
            } else if name == "br" {
                line.lineBreak()
            } else if ElementHints.cells.contains(name) {
                line.pendingSpace = true
            } else {
                line.boundary = true
            }
            if rules, !muted[i], node.rule.contains(.before), line.chars == 0 { rule() }
            if node.end > i + 1 {
                open.append((i, node.end, isBlock))
            } else if rules, !muted[i], node.rule.contains(.after) {
                // An empty element (`<div style="border-bottom: …"></div>`) ends where it starts.
                if isBlock { rule() } else { pendingRule = true }
            }
        }
        flush()
        return blocks
    }
}

/// A block's text as it is built, in UTF-8: white space runs (HTML's, and no-break, thin and
/// ideographic spaces) as one space, none at the ends of lines, characters and link characters
/// counted.
struct LineBuilder {
    private var bytes: [UInt8] = []
    private(set) var chars = 0
    private(set) var linkChars = 0
    var pendingSpace = false
    /// An inline element began or ended since the last text (`<span>By</span><a>Jane</a>`).
    var boundary = false

    var text: String { String(decoding: bytes.last == 0x0A ? bytes.dropLast() : bytes[...], as: UTF8.self) }

    mutating func lineBreak() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        pendingSpace = false
    }

    mutating func append(_ piece: String, inLink: Bool) {
        var piece = piece
        piece.withUTF8 { append($0, inLink: inLink) }
        boundary = false
    }

    private mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, inLink: Bool) {
        let n = utf8.count
        // Inline elements laid out apart (`ByJane`, `WASHINGTONThe`) get a space; a drop
        // capital (`<span>T</span>HE`) does not.
        if boundary, !pendingSpace, bytes.count > 1, let last = bytes.last, let first = utf8.first,
            Self.isASCIILetter(last), first >= 0x41, first <= 0x5A
        {
            pendingSpace = true
        }
        var i = 0
        while i < n {
            let b = utf8[i]
            let width = Self.spaceWidth(utf8, i)
            if width > 0 {
                pendingSpace = true
                i += width
                continue
            }
            if b == 0xEF, i + 2 < n, utf8[i + 1] == 0xBB, utf8[i + 2] == 0xBF {
                i += 3
                continue
            }  // U+FEFF
            if pendingSpace, let last = bytes.last, last != 0x0A { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(b)
            if b & 0xC0 != 0x80 {
                chars += 1
                if inLink { linkChars += 1 }
            }
            i += 1
        }
    }

    /// The length of the space character at `i` (ASCII white space, U+00A0, U+2000–U+200B,
    /// U+202F, U+3000), or 0.
    private static func spaceWidth(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        switch s[i] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C: return 1
        case 0xC2 where i + 1 < s.count && s[i + 1] == 0xA0: return 2
        case 0xE2 where i + 2 < s.count && s[i + 1] == 0x80 && ((0x80...0x8B).contains(s[i + 2]) || s[i + 2] == 0xAF):
            return 3
        case 0xE3 where i + 2 < s.count && s[i + 1] == 0x80 && s[i + 2] == 0x80: return 3
        default: return 0
        }
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
}
