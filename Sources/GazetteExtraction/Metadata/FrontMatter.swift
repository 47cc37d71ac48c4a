import Foundation

/// Front matter at the top of a Markdown file: YAML (`---` … `---`, as Jekyll writes it) or TOML
/// (`+++` … `+++`, as Hugo writes it): title, author(s), date, publication.
enum FrontMatter {
    /// The metadata and the number of lines the block spans, or nil when there is none.
    static func parse(_ lines: [String]) -> (ArticleMetadata, Int)? {
        guard let fence = lines.first?.trimmingCharacters(in: .whitespaces), fence == "---" || fence == "+++" else { return nil }
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
                    if trimmed.hasPrefix("]") { listKey = nil } else if !trimmed.isEmpty { metadata.authors.append(unquote(Substring(trimmed.trimmingCharacters(in: [","])))) }
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
                if !value.isEmpty { metadata.title = value; metadata.titleSource = .metadata }
            case "author", "authors", "byline":
                let names = value.trimmingCharacters(in: ["[", "]"]).split(separator: ",").map { unquote($0) }
                metadata.authors += names.filter { !$0.isEmpty }
            case "date", "published", "published_at", "publishdate", "publish_date", "datepublished":
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
