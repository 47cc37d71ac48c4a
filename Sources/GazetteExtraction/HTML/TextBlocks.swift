import Foundation

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
    /// inline controls (`<button>`, `<label>`) and opaque elements is left out.
    static func blocks(of doc: HTMLDocument) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var inLink = [Bool](repeating: false, count: doc.count)
        var muted = [Bool](repeating: false, count: doc.count)
        // Open elements: index and whether it is a block.
        var open: [(index: Int, end: Int, block: Bool)] = []
        var owners = [0]
        var text = ""
        var chars = 0, linkChars = 0
        // An inline element began or ended since the last text (`<span>By</span><a>Jane</a>`).
        var boundary = false
        func flush() {
            defer { text = ""; chars = 0; linkChars = 0 }
            guard chars > 0 else { return }
            let owner = owners.last!
            let trimmed = trim(text)
            blocks.append(TextBlock(owner: owner, text: trimmed, chars: chars, linkChars: linkChars, isHeading: ElementHints.headings.contains(doc[owner].name)))
        }
        for i in 1..<doc.count {
            while let last = open.last, last.end <= i {
                open.removeLast()
                if last.block {
                    flush()
                    owners.removeLast()
                } else {
                    boundary = true
                }
            }
            let node = doc[i]
            let parent = node.parent
            if node.isText {
                guard !muted[parent] else { continue }
                // Inline elements laid out apart (`ByJane`, `WASHINGTONThe`) get a space; a drop
                // capital (`<span>T</span>HE`) does not.
                if boundary, let last = text.unicodeScalars.last, last.properties.isLowercase || last.properties.isUppercase,
                   let first = node.text.unicodeScalars.first, first.properties.isUppercase,
                   last.properties.isLowercase || text.unicodeScalars.count > 1 {
                    text += " "
                }
                append(node.text, to: &text, chars: &chars, linkChars: &linkChars, inLink: inLink[parent])
                boundary = false
                continue
            }
            let name = node.name
            inLink[i] = inLink[parent] || name == "a"
            let isBlock = ElementHints.blocks.contains(name)
            muted[i] = name == "head" || name == "script" || ElementHints.controls.contains(name) || (muted[parent] && !isBlock)
            if isBlock {
                flush()
                owners.append(i)
            } else if name == "br" {
                if chars > 0 { text += "\n" }
            } else if ElementHints.cells.contains(name), chars > 0 {
                text += " "
            } else {
                boundary = true
            }
            if node.end > i + 1 { open.append((i, node.end, isBlock)) }
        }
        flush()
        return blocks
    }

    /// Appends `piece` to the block's text with white space runs as one space.
    private static func append(_ piece: String, to text: inout String, chars: inout Int, linkChars: inout Int, inLink: Bool) {
        var added = 0
        var space = text.last.map { $0 == " " || $0 == "\n" } ?? true
        for c in piece.unicodeScalars {
            if c.properties.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}" {
                if !space { text.unicodeScalars.append(" ") }
                space = true
            } else {
                text.unicodeScalars.append(c)
                space = false
                added += 1
            }
        }
        chars += added
        if inLink { linkChars += added }
    }

    /// The text with spaces around its line breaks and at its ends removed.
    private static func trim(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
