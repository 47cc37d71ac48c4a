import Foundation

/// YAML-style front matter at the top of a Markdown file (`---` … `---`): title, author(s), date.
enum FrontMatter {
    /// The metadata and the number of lines the block spans, or nil when there is none.
    static func parse(_ lines: [String]) -> (ArticleMetadata, Int)? {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        var metadata = ArticleMetadata()
        var listKey: String? = nil
        for index in 1..<min(lines.count, 60) {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." { return (metadata, index + 1) }
            if trimmed.hasPrefix("- "), listKey == "author" || listKey == "authors" {
                metadata.authors.append(unquote(trimmed.dropFirst(2)))
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].lowercased()
            let value = unquote(trimmed[trimmed.index(after: colon)...])
            listKey = value.isEmpty ? key : nil
            switch key {
            case "title", "headline":
                if !value.isEmpty { metadata.title = value; metadata.titleSource = .metadata }
            case "author", "authors", "byline":
                let names = value.trimmingCharacters(in: ["[", "]"]).split(separator: ",").map { unquote($0) }
                metadata.authors += names.filter { !$0.isEmpty }
            case "date", "published", "published_at", "datepublished":
                if let match = DateParser.parse(value) { metadata.publishedAt = match.date; metadata.publishedSource = .metadata }
            case "publication", "publisher", "source", "site":
                if !value.isEmpty { metadata.publication = value }
            default:
                break
            }
        }
        return nil
    }

    static func unquote(_ s: Substring) -> String {
        s.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\"", "'"])
    }
}
