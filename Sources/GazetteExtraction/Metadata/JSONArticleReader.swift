import Foundation

/// A first, simple reading of a JSON article (a CMS export, a scraper's output): the obvious
/// fields for title, body, author and publication time, at the top level or one level down;
/// an array of several articles, an API's or scraper's object wrapping one (`{"articles": [...]}`,
/// ``wrapperKeys``), or JSON Lines, gives one article each.
package enum JSONArticleReader {
    static let titleKeys = ["title", "headline", "name"]
    static let bodyKeys = [
        "body", "text", "articleBody", "article_body", "content", "content_html", "content_text", "maintext",
        "description",
    ]
    static let authorKeys = ["author", "authors", "byline", "creator"]
    static let dateKeys = [
        "published_at", "publishedAt", "datePublished", "date_published", "publish_date", "published_date",
        "publishedDate",
        "date_publish", "published", "date", "pubDate", "created_at",
    ]
    /// Keys under which APIs and scrapers wrap their array of articles (NewsAPI's `articles`).
    static let wrapperKeys = ["articles", "items", "results", "data", "entries", "posts", "stories", "documents"]

    /// Keys naming the publication: a name, or an object with one (NewsAPI's `source`).
    static let publicationKeys = [
        "publisher", "source", "source_name", "site_name", "siteName", "source_domain", "domain",
    ]

    /// The file's articles: one for an object; one per element for an array of several, bare or
    /// wrapped (an element without article text is a part that fails); one per line for JSON
    /// Lines (`.jsonl`: `jsonLines`, or a text that is not one JSON value but whose every line is
    /// an object).
    package static func read(_ text: String, jsonLines: Bool = false) throws(ExtractionError) -> [FilePart] {
        let values: [Any]
        if !jsonLines, let parsed = parse(Substring(text)) {
            values = (parsed as? [Any]) ?? wrapped(parsed) ?? [parsed]
        } else {
            let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            var parsed: [Any] = []
            for line in lines {
                guard let value = parse(line) else { throw .malformed(format: .json) }
                parsed.append(value)
            }
            values = parsed
        }
        guard values.count > 1 else {
            guard let value = values.first, let draft = draft(value) else { throw .noArticleText(format: .json) }
            return FilePart.whole(draft)
        }
        let drafts = values.map { value -> Result<ArticleDraft, ExtractionError> in
            draft(value).map { .success($0) } ?? .failure(.noArticleText(format: .json))
        }
        return FilePart.numbered(drafts, noun: "item")
    }

    /// The articles an object wraps: the array under one of ``wrapperKeys`` (at the top or inside
    /// one of them: `{"data": {"posts": [...]}}`) when it holds an object with a title or body
    /// field. Nil for an object with its own body (a feed's `description` aside: JSON Feed's
    /// `items`), which is the article, and for a wrapper of ids or names, refused as a file
    /// without article text.
    static func wrapped(_ value: Any, depth: Int = 0) -> [Any]? {
        guard depth < 2, let object = value as? [String: Any],
            string(object, bodyKeys.filter { $0 != "description" }) == nil
        else { return nil }
        for key in wrapperKeys {
            if let array = object[key] as? [Any] {
                let articles = array.lazy.compactMap { $0 as? [String: Any] }.filter {
                    string($0, bodyKeys) != nil || string($0, titleKeys) != nil
                }
                if !articles.isEmpty { return array }
            } else if let inner = object[key], let array = wrapped(inner, depth: depth + 1) {
                return array
            }
        }
        return nil
    }

    static func parse(_ text: Substring) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The article in one JSON value: the first of ``objects(_:)`` with a body, nil when none has one.
    static func draft(_ value: Any) -> ArticleDraft? {
        let candidates = objects(value)
        guard let object = candidates.first(where: { string($0, bodyKeys) != nil }), let body = string(object, bodyKeys)
        else {
            return nil
        }
        var draft = ArticleDraft(lines: [])
        let content = body.contains("<") && body.contains(">") ? HTMLReader.read(body).lines : body.lines()
        draft.lines = content
        if let title = string(object, titleKeys) {
            draft.metadata.title = title
            draft.metadata.titleSource = .metadata
        }
        draft.metadata.authors = authors(object)
        if let date = string(object, dateKeys), let match = DateParser.parse(date) {
            draft.metadata.publishedAt = match.date
            draft.metadata.publishedSource = .metadata
        }
        draft.metadata.publication = publication(object)
        return draft
    }

    /// The top-level object and the objects one level below it (e.g. `{"article": {...}}`, `[{...}]`).
    static func objects(_ value: Any) -> [[String: Any]] {
        if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
        guard let object = value as? [String: Any] else { return [] }
        return [object] + object.keys.sorted().compactMap { object[$0] as? [String: Any] }
    }

    static func string(_ object: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            if let s = object[key] as? String, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return s }
        }
        return nil
    }

    /// The publication's name, else the host of the article's `url` (without `www.`).
    static func publication(_ object: [String: Any]) -> String? {
        for key in publicationKeys {
            let value = object[key]
            if let name = (value as? String) ?? ((value as? [String: Any])?["name"] as? String),
                !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains("://")
            {
                return name.trimmingCharacters(in: .whitespaces)
            }
        }
        let link = string(object, ["url", "link", "source_url", "canonical_url"])
        guard let host = link.flatMap({ URL(string: $0)?.host }) else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    static func authors(_ object: [String: Any]) -> [String] {
        for key in authorKeys {
            guard let value = object[key] else { continue }
            let items = (value as? [Any]) ?? [value]
            let names = items.compactMap { ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String) }
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if !names.isEmpty { return names }
        }
        return []
    }
}
