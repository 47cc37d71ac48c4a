import Foundation

/// Takes the site's name off a page title: `Harbour bridge reopens | The Coastal Courier`,
/// `BBC News - Harbour bridge reopens`, `Harbour bridge reopens – Politics – Courier`.
enum SiteName {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " ‹ ", " › ", " / ", " ~ "]

    static func strip(_ title: String, site: String?) -> String {
        var title = HTMLDocument.collapse(title)
        let site = site.map { $0.lowercased() }
        // `Site » Section » Headline`: three or more parts with one separator, the last the longest.
        for separator in separators {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 3, let last = parts.last else { continue }
            let words = parts.map { $0.split(separator: " ").count }
            if words.last! > words.dropLast().reduce(0, +) { return last.trimmingCharacters(in: .whitespaces) }
        }
        for _ in 0..<2 {
            guard let (head, tail) = split(title) else { break }
            let headWords = head.split(separator: " ").count
            let tailWords = tail.split(separator: " ").count
            if let site, tail.lowercased().contains(site) || site.contains(tail.lowercased()) {
                title = head
            } else if let site, head.lowercased().contains(site) || site.contains(head.lowercased()),
                headWords < tailWords
            {
                title = tail
            } else if tailWords <= 4, headWords > tailWords {
                title = head
            } else {
                break
            }
        }
        return title
    }

    /// The title split at its last separator.
    static func split(_ title: String) -> (String, String)? {
        let ranges = separators.compactMap { title.range(of: $0, options: .backwards) }
        guard let last = ranges.max(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let head = String(title[..<last.lowerBound]).trimmingCharacters(in: .whitespaces)
        let tail = String(title[last.upperBound...]).trimmingCharacters(in: .whitespaces)
        guard !head.isEmpty, !tail.isEmpty else { return nil }
        return (head, tail)
    }
}
