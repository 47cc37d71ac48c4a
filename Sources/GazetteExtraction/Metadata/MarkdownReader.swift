import Foundation

/// Reads Markdown into plain text lines: a leading `# Title` becomes the title, front matter
/// gives metadata, and markup goes — emphasis, links (`[t](u)` → `t`), images, list markers,
/// block quotes, rules. Code blocks are kept as text without their fences.
package enum MarkdownReader {
    package static func read(_ text: String) -> ArticleDraft {
        var lines = text.lines()
        var draft = ArticleDraft(lines: [])
        if let (metadata, end) = FrontMatter.parse(lines) {
            draft.metadata = metadata
            lines.removeFirst(end)
        }
        var out: [String] = []
        var fence: String? = nil
        var seenText = false
        var i = 0
        func emitBlock(_ s: String) {
            out.append("")
            out.append(s)
            out.append("")
            seenText = true
        }
        func heading(_ s: String, level: Int) {
            let title = inline(s).trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { return }
            if level == 1, !seenText, draft.metadata.title == nil {
                draft.metadata.title = title
                draft.metadata.titleSource = .heading
                seenText = true
            } else {
                emitBlock(title)
            }
        }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            i += 1
            if let open = fence {
                if trimmed.hasPrefix(open) {
                    fence = nil
                    out.append("")
                } else {
                    out.append(line)
                    seenText = true
                }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                out.append("")
                continue
            }
            if trimmed.isEmpty {
                out.append("")
                continue
            }
            if let (level, content) = atxHeading(trimmed) {
                heading(content, level: level)
                continue
            }
            if i < lines.count, !isListItem(trimmed) {
                let next = lines[i].trimmingCharacters(in: .whitespaces)
                if !next.isEmpty, next.allSatisfy({ $0 == "=" }) {
                    heading(trimmed, level: 1)
                    i += 1
                    continue
                }
                if next.count >= 2, next.allSatisfy({ $0 == "-" }) {
                    heading(trimmed, level: 2)
                    i += 1
                    continue
                }
            }
            if isRule(trimmed) || isReferenceDefinition(trimmed)
                || (trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->"))
            {
                out.append("")
                continue
            }
            if isTableSeparator(trimmed) { continue }
            var content = Substring(trimmed)
            while content.hasPrefix(">") { content = content.dropFirst().drop(while: { $0 == " " }) }
            if let item = listItemContent(content) {
                out.append("")
                content = item
            }
            let plain = inline(String(content))
            if !plain.trimmingCharacters(in: .whitespaces).isEmpty { seenText = true }
            out.append(plain)
        }
        draft.lines = out
        return draft
    }

    static func atxHeading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var content = rest.trimmingCharacters(in: .whitespaces)
        while content.hasSuffix("#") { content.removeLast() }
        return (hashes, content.trimmingCharacters(in: .whitespaces))
    }

    static func isRule(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    static func isReferenceDefinition(_ line: String) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        return line[line.index(after: close)...].hasPrefix(": ")
    }

    static func isTableSeparator(_ line: String) -> Bool {
        line.contains("-") && line.contains("|") && line.allSatisfy { "|-: ".contains($0) }
    }

    static func isListItem(_ line: String) -> Bool { listItemContent(Substring(line)) != nil }

    /// The text of a list item without its marker (`- `, `* `, `+ `, `1. `, `1) `).
    static func listItemContent(_ line: Substring) -> Substring? {
        guard let first = line.first else { return nil }
        if "-*+•".contains(first), line.dropFirst().first == " " {
            return line.dropFirst(2)
        }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
            return rest.dropFirst(2)
        }
        return nil
    }

    /// Removes inline markup from one line.
    static func inline(_ line: String) -> String {
        let s = Array(line)
        var out = ""
        out.reserveCapacity(s.count)
        var i = 0
        func find(_ c: Character, from start: Int, limit: Int = 2_000) -> Int? {
            var j = start
            while j < s.count, j - start < limit {
                if s[j] == c { return j }
                j += 1
            }
            return nil
        }
        /// `[text](url)` or `[text][ref]` starting at `open`: the end index and the text.
        func link(at open: Int) -> (end: Int, text: String)? {
            guard let close = find("]", from: open + 1), close + 1 < s.count else { return nil }
            let text = String(s[(open + 1)..<close])
            if s[close + 1] == "(", let end = find(")", from: close + 2) { return (end + 1, text) }
            if s[close + 1] == "[", let end = find("]", from: close + 2) { return (end + 1, text) }
            return nil
        }
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\" where i + 1 < s.count && s[i + 1].isPunctuation || i + 1 < s.count && s[i + 1].isSymbol:
                out.append(s[i + 1])
                i += 2
            case "!" where i + 1 < s.count && s[i + 1] == "[":
                if let (end, _) = link(at: i + 1) {
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            case "[":
                if let (end, text) = link(at: i) {
                    out += inline(text)
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            case "`":
                var run = 0
                while i + run < s.count, s[i + run] == "`" { run += 1 }
                var j = i + run
                var closing: Int? = nil
                while j < s.count {
                    if s[j] == "`" {
                        var k = 0
                        while j + k < s.count, s[j + k] == "`" { k += 1 }
                        if k == run {
                            closing = j
                            break
                        }
                        j += k
                    } else {
                        j += 1
                    }
                }
                if let closing {
                    out += String(s[(i + run)..<closing])
                    i = closing + run
                } else {
                    out += String(repeating: "`", count: run)
                    i += run
                }
            case "*", "~", "_":
                var run = 0
                while i + run < s.count, s[i + run] == c { run += 1 }
                let before: Character? = i > 0 ? s[i - 1] : nil
                let after: Character? = i + run < s.count ? s[i + run] : nil
                let spaceBefore = before == nil || before!.isWhitespace
                let spaceAfter = after == nil || after!.isWhitespace
                let intraword =
                    (before?.isLetter ?? false || before?.isNumber ?? false)
                    && (after?.isLetter ?? false || after?.isNumber ?? false)
                let isDelimiter = !(spaceBefore && spaceAfter) && !(c == "_" && intraword) && (c != "~" || run >= 2)
                if !isDelimiter { out += String(repeating: c, count: run) }
                i += run
            case "<":
                if i + 1 < s.count, s[i + 1].isLetter || s[i + 1] == "/" || s[i + 1] == "!",
                    let close = find(">", from: i + 1, limit: 500)
                {
                    let inside = String(s[(i + 1)..<close])
                    if inside.hasPrefix("http://") || inside.hasPrefix("https://") || inside.hasPrefix("mailto:") {
                        out += inside
                    }
                    i = close + 1
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
