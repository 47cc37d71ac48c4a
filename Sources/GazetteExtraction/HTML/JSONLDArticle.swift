import Foundation

/// What a page's JSON-LD (`<script type="application/ld+json">`) says about its article: the
/// first object typed as an article (`NewsArticle`, `BlogPosting` …), found at the top level,
/// in an array, in `@graph` or as a page's `mainEntity`; a `WebPage` object gives dates only.
struct JSONLDArticle {
    var headline: String?
    var authors: [String] = []
    var published: String?
    var modified: String?
    var publisher: String?
    var body: String?

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
        "scholarlyarticle", "techarticle", "report", "satiricalarticle", "posting", "medicalscholarlyarticle",
    ]
    static let pageTypes: Set<String> = ["webpage", "itempage", "collectionpage", "aboutpage", "medicalwebpage"]

    init?(scripts: [String]) {
        var objects: [[String: Any]] = []
        var broken: [String] = []
        for script in scripts {
            // Raw line breaks inside strings are common and make the JSON invalid.
            let cleaned = script.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\t", with: " ")
            guard let data = cleaned.data(using: .utf8),
                let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else {
                broken.append(cleaned)
                continue
            }
            objects += Self.objects(in: value)
        }
        let article = objects.first { Self.types(of: $0).contains(where: Self.articleTypes.contains) }
        let page = objects.first { Self.types(of: $0).contains(where: Self.pageTypes.contains) }
        guard article != nil || page != nil else {
            // Invalid JSON (a stray brace, a trailing comma) still names its dates and headline.
            guard let script = broken.first(where: { Self.field("datePublished", in: $0) != nil }) else { return nil }
            headline = Self.field("headline", in: script)
            published = Self.field("datePublished", in: script)
            modified = Self.field("dateModified", in: script)
            return
        }
        if let article {
            // Authors given as references (`{"@id": "…#person"}`) to objects elsewhere in the graph.
            var byID: [String: [String: Any]] = [:]
            for object in objects {
                if let id = object["@id"] as? String, object.count > 1 { byID[id] = byID[id] ?? object }
            }
            func resolved(_ value: Any?) -> Any? {
                if let object = value as? [String: Any], object.count == 1, let id = object["@id"] as? String {
                    return byID[id]
                }
                if let array = value as? [Any] { return array.map { resolved($0) ?? $0 } }
                return value
            }
            headline = Self.string(article["headline"]) ?? Self.string(article["name"])
            authors = Self.people(resolved(article["author"])) + Self.people(resolved(article["creator"]))
            publisher = Self.name(resolved(article["publisher"]))
            body = Self.string(article["articleBody"])
        }
        published =
            article.flatMap { Self.string($0["datePublished"]) ?? Self.string($0["dateCreated"]) }
            ?? page.flatMap { Self.string($0["datePublished"]) }
        modified =
            article.flatMap { Self.string($0["dateModified"]) } ?? page.flatMap { Self.string($0["dateModified"]) }
    }

    /// The string value of `"key": "…"` in text that is not valid JSON.
    static func field(_ key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: "\"\(key)\"") else { return nil }
        var rest = text[keyRange.upperBound...].drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard rest.first == "\"" else { return nil }
        let value = rest.dropFirst().prefix { $0 != "\"" }
        return value.isEmpty || value.count > 300 ? nil : String(value)
    }

    /// The objects of a JSON-LD value: itself, its array's items, its `@graph`, a page's `mainEntity`.
    static func objects(in value: Any) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var pending: [Any] = [value]
        while let next = pending.popLast(), result.count < 200 {
            if let array = next as? [Any] {
                pending += array.reversed()
            } else if let object = next as? [String: Any] {
                result.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
                if let main = object["mainEntity"] { pending.append(main) }
            }
        }
        return result
    }

    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        return (object["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
    }

    static func string(_ value: Any?) -> String? {
        let text = (value as? String) ?? (value as? [Any])?.first as? String
        guard let text else { return nil }
        let clean = HTMLDocument.collapse(text)
        return clean.isEmpty ? nil : clean
    }

    /// A `name` of a string or an object.
    static func name(_ value: Any?) -> String? {
        if let object = value as? [String: Any] { return string(object["name"]) }
        if let array = value as? [Any] { return array.lazy.compactMap(name).first }
        return string(value)
    }

    /// Names of people: a string, a `Person` object or an array of them; organisations are not authors.
    static func people(_ value: Any?) -> [String] {
        if let array = value as? [Any] { return array.flatMap(people) }
        if let object = value as? [String: Any] {
            guard !types(of: object).contains("organization"), !types(of: object).contains("newsmediaorganization")
            else { return [] }
            return string(object["name"]).map { [$0] } ?? []
        }
        return string(value).map { [$0] } ?? []
    }
}
