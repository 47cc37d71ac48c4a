import Foundation

/// Who a message's `From:` names: an author, a publication, or both.
///
/// `"Casey Newton from Platformer"` (also `at`, `|`, `via`) gives both. A mailing list's From
/// (the message carries `List-Id`, `List-Unsubscribe` or `Precedence: bulk`) names the
/// publication, not a person; so does a name made of organisation words (`Daily`, `News`, `Team`).
struct EmailSender: Equatable {
    var author: String?
    var publication: String?

    /// Words that mark a sender as an organisation rather than a person.
    static let organisationWords: Set<String> = [
        "news", "newsletter", "daily", "weekly", "digest", "briefing", "brief", "team", "times", "post",
        "journal", "report", "media", "magazine", "review", "insider", "press", "club", "edition",
        "the", "updates", "alerts", "editors", "morning", "evening", "today", "bulletin", "letter",
    ]

    init(from: String, isList: Bool, listName: String?) {
        let name = Self.displayName(from)
        for separator in [" from ", " at ", " | ", " via "] {
            if let name, let range = name.range(of: separator, options: .caseInsensitive) {
                let person = name[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let outlet = name[range.upperBound...].trimmingCharacters(in: .whitespaces)
                if !person.isEmpty, !outlet.isEmpty {
                    author = person
                    publication = outlet
                    return
                }
            }
        }
        if let name, isList || Self.looksLikeOrganisation(name) {
            publication = name
        } else if let name {
            author = name
        } else if isList {
            publication = listName
        }
    }

    /// `Jane Doe <jane@example.com>` → `Jane Doe`; a bare address gives nil.
    static func displayName(_ from: String) -> String? {
        guard let angle = from.firstIndex(of: "<") else { return nil }
        let name = from[..<angle].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
            .trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    static func looksLikeOrganisation(_ name: String) -> Bool {
        name.lowercased().split(whereSeparator: { !$0.isLetter }).contains { organisationWords.contains(String($0)) }
    }

    /// The display phrase of a `List-Id` (`"Gazette Readers" <readers.example.org>`), if any.
    static func listName(_ listID: String?) -> String? {
        guard let listID, let name = displayName(listID) else { return nil }
        return name
    }
}
