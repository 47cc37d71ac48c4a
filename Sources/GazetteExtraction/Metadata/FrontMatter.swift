import Foundation

/// Front matter at the top of a Markdown file: YAML (`---` … `---`, as Jekyll writes it) or TOML
/// (`+++` … `+++`, as Hugo writes it): title, author(s), date, publication.
enum FrontMatter {
    /// The metadata and the number of lines the block spans, or nil when there is none.
    static func parse(_ lines: [String]) -> (ArticleMetadata, Int)? {
        guard let fence = lines.first?.trimmingCharacters(in: .whitespaces), fence == "---" || fence == "+++" else {
            return nil
        }
        let toml = fence == "+++"
        var metadata = ArticleMetadata()
        var listKey: String? = nil
        for index in 1..<min(lines.count, 60) {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == fence || (!toml && trimmed == "...") { return (metadata, index + 1) }
            if listKey == "author" || listKey == "authors" {
                // A YAML list item (`- Jane Doe`), or an item of a TOML array split over lines.
                if !toml, trimmed.hasPrefix("- ") {
                    metadata.authors.append(unquote(trimmed.dropFirst(2)))
                    continue
                }
                if toml, !trimmed.contains("=") {
                    if trimmed.hasPrefix("]") {
                        listKey = nil
                    } else if !trimmed.isEmpty {
                        metadata.authors.append(unquote(Substring(trimmed.trimmingCharacters(in: [","]))))
                    }
                    continue
                }
            }
            // A TOML table header (`[params]`) opens a section whose keys still count.
            if toml, trimmed.hasPrefix("[") { continue }
            guard let separator = trimmed.firstIndex(of: toml ? "=" : ":") else { continue }
            let key = unquote(trimmed[..<separator]).lowercased()
            var value = unquote(trimmed[trimmed.index(after: separator)...])
            if toml, value == "[" { value = "" }
            listKey = value.isEmpty ? key : nil
            switch key {
            case "title", "headline":
                if !value.isEmpty {
                    metadata.title = value
                    metadata.titleSource = .metadata
                }
            case "author", "authors", "byline":
                let names = value.trimmingCharacters(in: ["[", "]"]).split(separator: ",").map { unquote($0) }
                metadata.authors += names.filter { !$0.isEmpty }
            case "date", "published", "published_at", "publishdate", "publish_date", "datepublished":
                if let match = DateParser.parse(value) {
                    metadata.publishedAt = match.date
                    metadata.publishedSource = .metadata
                }
            case "publication", "publisher", "source", "site":
                if !value.isEmpty { metadata.publication = value }
            default:
                break
            }
        }
        return nil
    }

    /// A scalar without its quotes: a double-quoted one with its escapes (`\"`, `\\`, `\n`,
    /// `\t`, `\uXXXX`, `\UXXXXXXXX`, `\xXX`, as YAML and TOML write them), a single-quoted one
    /// with `''` as a quote.
    static func unquote(_ s: Substring) -> String {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") {
            return unescape(trimmed.dropFirst().dropLast())
        }
        if trimmed.count >= 2, trimmed.hasPrefix("'"), trimmed.hasSuffix("'") {
            return trimmed.dropFirst().dropLast().replacingOccurrences(of: "''", with: "'")
        }
        return trimmed.trimmingCharacters(in: ["\"", "'"])
    }

    private static func unescape(_ s: Substring) -> String {
        var out = String.UnicodeScalarView()
        var scalars = s.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "\\", let e = scalars.next() else {
                out.append(c)
                continue
            }
            let digits: Int? =
                switch e {
                case "u": 4
                case "U": 8
                case "x": 2
                default: nil
                }
            if let digits {
                var hex = ""
                for _ in 0..<digits { if let d = scalars.next() { hex.unicodeScalars.append(d) } }
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { out.append(scalar) }
                continue
            }
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "0": break
            default: out.append(e)  // \" \\ \/ and anything else: the character itself
            }
        }
        return String(out)
    }
}
