import Foundation

/// A first, simple reading of an HTML page: title, author and date from `<title>` and `<meta>`
/// tags, and the text of the page (of its `<article>` when it has one) with scripts, styles,
/// navigation and other furniture dropped and block elements as paragraph breaks.
package enum HTMLReader {
    /// Elements whose whole content is skipped.
    static let skipped: Set<String> = ["script", "style", "noscript", "svg", "head", "nav", "footer", "aside", "iframe", "template", "button", "select", "figure", "figcaption"]
    /// Elements that start a new paragraph.
    static let blocks: Set<String> = ["p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "hr", "address"]

    package static func read(_ html: String) -> ArticleDraft {
        var draft = ArticleDraft(lines: [])
        draft.metadata = metadata(html)
        var region = Substring(html)
        if let start = html.range(of: "<article", options: .caseInsensitive),
           let end = html.range(of: "</article>", options: [.caseInsensitive, .backwards]), start.upperBound <= end.lowerBound {
            region = html[start.lowerBound..<end.upperBound]
        }
        var text = decodeEntities(strip(region))
        // A page whose <article> holds only a teaser: read the whole page instead.
        if region.count < html.count, text.filter(\.isLetter).count < 200 { text = decodeEntities(strip(Substring(html))) }
        draft.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        if let title = draft.metadata.title, let first = draft.lines.firstIndex(where: { !$0.isEmpty }), draft.lines[first] == title {
            draft.lines[first] = ""
        }
        return draft
    }

    /// The text of `html` with tags removed: block elements become blank lines, `<br>` a newline.
    static func strip(_ html: Substring) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "<" else {
                out.append(s[i] == "\n" || s[i] == "\t" ? " " : s[i])
                i += 1
                continue
            }
            if matches(s, at: i, "<!--") {
                i = find(s, "-->", from: i + 4).map { $0 + 3 } ?? s.count
                continue
            }
            var j = i + 1
            let closing = j < s.count && s[j] == "/"
            if closing { j += 1 }
            var name = ""
            while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
                name.unicodeScalars.append(s[j])
                j += 1
            }
            name = name.lowercased()
            guard !name.isEmpty || s.indices.contains(j) && s[j] == "!" else {
                out.append("<")
                i += 1
                continue
            }
            let tagEnd = find(s, ">", from: j).map { $0 + 1 } ?? s.count
            if !closing, skipped.contains(name) {
                i = find(s, "</" + name, from: tagEnd, caseInsensitive: true).flatMap { find(s, ">", from: $0) }.map { $0 + 1 } ?? s.count
                continue
            }
            if name == "br" { out.append("\n") } else if blocks.contains(name) { out.append(contentsOf: "\n\n".unicodeScalars) }
            i = tagEnd
        }
        return String(out)
    }

    static func metadata(_ html: String) -> ArticleMetadata {
        var metadata = ArticleMetadata()
        let head = String(html.prefix(200_000))
        var metas: [String: String] = [:]
        var cursor = head.startIndex
        while let open = head.range(of: "<meta", options: .caseInsensitive, range: cursor..<head.endIndex) {
            guard let close = head.range(of: ">", range: open.upperBound..<head.endIndex) else { break }
            let tag = String(head[open.upperBound..<close.lowerBound])
            let key = (attribute("property", in: tag) ?? attribute("name", in: tag) ?? attribute("itemprop", in: tag))?.lowercased()
            if let key, let content = attribute("content", in: tag), metas[key] == nil { metas[key] = decodeEntities(content) }
            cursor = close.upperBound
        }
        if let title = metas["og:title"] ?? metas["twitter:title"] ?? element("title", in: head) {
            let clean = title.trimmingCharacters(in: .whitespacesAndNewlines)
            if !clean.isEmpty { metadata.title = clean; metadata.titleSource = .metadata }
        }
        if let author = metas["author"] ?? metas["article:author"] ?? metas["byl"], !author.contains("://"), !author.isEmpty {
            metadata.authors = [author.hasPrefix("By ") ? String(author.dropFirst(3)) : author]
        }
        for key in ["article:published_time", "datepublished", "date", "pubdate", "dc.date", "dc.date.issued", "og:published_time", "sailthru.date", "parsely-pub-date"] {
            if let value = metas[key], let match = DateParser.parse(value) {
                metadata.publishedAt = match.date
                metadata.publishedSource = .metadata
                break
            }
        }
        metadata.publication = metas["og:site_name"].flatMap { $0.isEmpty ? nil : $0 }
        return metadata
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        var search = tag.startIndex
        while let r = tag.range(of: name, options: .caseInsensitive, range: search..<tag.endIndex) {
            search = r.upperBound
            let before = r.lowerBound == tag.startIndex ? " " : tag[tag.index(before: r.lowerBound)]
            guard before == " " || before == "\t" || before == "\n" else { continue }
            var i = r.upperBound
            while i < tag.endIndex, tag[i] == " " { i = tag.index(after: i) }
            guard i < tag.endIndex, tag[i] == "=" else { continue }
            i = tag.index(after: i)
            while i < tag.endIndex, tag[i] == " " { i = tag.index(after: i) }
            guard i < tag.endIndex else { return nil }
            let quote = tag[i]
            if quote == "\"" || quote == "'" {
                let start = tag.index(after: i)
                let end = tag[start...].firstIndex(of: quote) ?? tag.endIndex
                return String(tag[start..<end])
            }
            let end = tag[i...].firstIndex(where: { $0 == " " || $0 == "/" }) ?? tag.endIndex
            return String(tag[i..<end])
        }
        return nil
    }

    static func element(_ name: String, in html: String) -> String? {
        guard let open = html.range(of: "<" + name, options: .caseInsensitive),
              let openEnd = html.range(of: ">", range: open.upperBound..<html.endIndex),
              let close = html.range(of: "</" + name, options: .caseInsensitive, range: openEnd.upperBound..<html.endIndex) else { return nil }
        return decodeEntities(String(html[openEnd.upperBound..<close.lowerBound]))
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "pound": "£",
        "euro": "€", "copy": "©", "reg": "®", "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "iacute": "í",
        "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß",
        "middot": "·", "bull": "•", "laquo": "«", "raquo": "»", "shy": "", "zwj": "", "zwnj": "",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "&", let semi = text[i...].prefix(12).firstIndex(of: ";") {
                let name = text[text.index(after: i)..<semi]
                var replacement: String? = namedEntities[String(name)]
                if name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    replacement = value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
                if let replacement {
                    out += replacement
                    i = text.index(after: semi)
                    continue
                }
            }
            out.append(c)
            i = text.index(after: i)
        }
        return out
    }

    static func matches(_ s: [Unicode.Scalar], at i: Int, _ word: String) -> Bool {
        var k = i
        for c in word.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    static func find(_ s: [Unicode.Scalar], _ word: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let w = Array(word.unicodeScalars)
        guard !w.isEmpty, start < s.count else { return nil }
        var i = start
        while i + w.count <= s.count {
            var k = 0
            while k < w.count, (caseInsensitive ? lowerASCII(s[i + k]) : s[i + k]) == w[k] { k += 1 }
            if k == w.count { return i }
            i += 1
        }
        return nil
    }

    static func lowerASCII(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 65 && c.value <= 90 ? Unicode.Scalar(UInt8(c.value) | 0x20) : c
    }
}
