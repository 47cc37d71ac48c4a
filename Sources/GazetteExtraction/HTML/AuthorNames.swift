import Foundation

/// Turns an author value from a page (`By Jane Doe and John Roe`, `Jane Doe | Reporter`,
/// `Doe, Jane`) into people's names, rejecting what is not a person: `No Author`, `Staff`,
/// `@handles`, URLs, e-mail addresses, section names and the site's own name.
enum AuthorNames {
    /// Whole values (lower-cased) that are not people.
    static let junk: Set<String> = [
        "no author", "unknown", "anonymous", "admin", "administrator", "staff", "editor", "editors", "the editors",
        "newsroom", "news desk", "web desk", "desk", "team", "guest", "author", "user", "staff writer",
        "staff reporter",
        "editorial", "editorial board", "editorial staff", "news", "politics", "sport", "sports", "business", "opinion",
        "world", "tech", "technology", "entertainment", "health", "science", "lifestyle", "culture", "travel", "local",
        "national", "home", "contributor", "correspondent", "reporter", "redaction", "redacción", "redação",
        "press release",
        "wire", "wires", "agencies", "null", "none", "n/a", "by",
    ]
    static let prefixes = [
        "by:", "by ", "written by ", "posted by ", "words by ", "story by ", "author:", "authors:", "reporting by ",
        "von ", "por ", "par ",
    ]

    /// The people named by `value`, or nothing.
    static func people(_ value: String, site: String?) -> [String] {
        var text = HTMLDocument.collapse(value)
        guard !text.isEmpty, text.count <= 200, !text.contains("://"), !text.hasPrefix("@") else { return [] }
        if let byline = BylineParser.parse(text), !byline.authors.isEmpty {
            return filtered(byline.authors, site: site)
        }
        for prefix in prefixes where text.lowercased().hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
        // A role, place or site after a bar or dash.
        for separator in [" | ", " - ", " – ", " — ", " / ", " ("] {
            if let range = text.range(of: separator) { text = String(text[..<range.lowerBound]) }
        }
        let pieces = text.replacingOccurrences(of: " & ", with: " and ").replacingOccurrences(of: " and ", with: ",")
            .split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        // `Doe, Jane`: one name written surname first.
        if pieces.count == 2, !pieces[0].contains(" "), !pieces[1].contains(" "), looksLikeName(pieces[0]),
            looksLikeName(pieces[1])
        {
            return filtered(["\(pieces[1]) \(pieces[0])"], site: site)
        }
        return filtered(pieces, site: site)
    }

    /// Words before `by` that make it a credit, not a byline (`Photo by`, `Edited by`).
    static let credits: Set<String> = [
        "photo", "photos", "photograph", "photography", "image", "images", "illustration", "video", "graphic",
        "graphics",
        "edited", "reviewed", "produced", "courtesy", "powered", "sponsored", "presented", "supported", "followed",
        "designed", "hosted", "translated", "narrated", "fact-checked", "curated", "made", "built",
    ]

    /// The names after `by` in a short line (`Posted on 21 September 2020 by Adi Tzlil`,
    /// `| By Cara Stiles | April 13`), nil when the line has none.
    static func afterBy(_ line: String) -> String? {
        guard line.count <= 150 else { return nil }
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard
            let at = words.firstIndex(where: { ["by", "by:", "von", "por", "par", "door"].contains($0.lowercased()) }),
            at + 1 < words.count
        else { return nil }
        if at > 0, credits.contains(words[at - 1].lowercased().trimmingCharacters(in: .punctuationCharacters)) {
            return nil
        }
        return words[(at + 1)...].joined(separator: " ")
    }

    private static func filtered(_ names: [String], site: String?) -> [String] {
        var result: [String] = []
        for name in names {
            let clean = name.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;|-–—"))
            guard looksLikeName(clean), !isRoleOnly(clean) else { continue }
            if let site, clean.lowercased() == site.lowercased() { continue }
            if !result.contains(clean) { result.append(clean) }
        }
        return result
    }

    /// Whether every word is a role word (`Staff Writer`, `Senior Correspondent`).
    private static func isRoleOnly(_ text: String) -> Bool {
        text.split(separator: " ").allSatisfy {
            Roles.nouns.contains($0.lowercased())
                || [
                    "senior", "chief", "deputy", "special", "associate", "assistant", "managing", "contributing",
                    "political", "foreign",
                ].contains($0.lowercased())
        }
    }

    /// One to five words of letters, not a junk value, not a sentence.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count), text.count <= 60, !junk.contains(text.lowercased()) else { return false }
        guard text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "-" || $0 == "'" || $0 == "\u{2019}" })
        else { return false }
        // Capitalised, or in a script without case.
        return words.contains { $0.first?.isUppercase == true } || !text.contains { $0.isLowercase }
    }
}
