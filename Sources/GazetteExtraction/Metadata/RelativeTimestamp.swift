import Foundation

/// A line that only says how long ago the article appeared (`14 hours ago`, `2d ago`,
/// `Updated yesterday`), as seconds before the file's modification time.
enum RelativeTimestamp {
    static let units: [String: TimeInterval] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3_600, "hr": 3_600, "hrs": 3_600, "hour": 3_600, "hours": 3_600,
        "d": 86_400, "day": 86_400, "days": 86_400,
        "w": 604_800, "wk": 604_800, "wks": 604_800, "week": 604_800, "weeks": 604_800,
        "mo": 2_592_000, "month": 2_592_000, "months": 2_592_000,
        "y": 31_536_000, "yr": 31_536_000, "yrs": 31_536_000, "year": 31_536_000, "years": 31_536_000,
    ]
    static let prefixes = [
        "last updated", "first published", "updated", "published", "posted", "modified", "last modified",
    ]
    /// No page is older than this. A longer span (`9999999999999 years ago`) can put the
    /// publication time past what the date arithmetic's `Int`s and ISO-8601 strings hold.
    static let maximumAge: TimeInterval = 1_000 * 31_536_000

    /// False for an ASCII line without `ago`, `yesterday` or `just now` in any case, which
    /// therefore cannot be a timestamp; saves the lower-casing and trimming of most short lines.
    static func mayMention(_ line: String) -> Bool {
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        let lower = line.lowercased()
        return lower.containsBytes("ago") || lower.containsBytes("yesterday") || lower.containsBytes("just now")
    }

    static func parse(_ line: String) -> TimeInterval? {
        guard line.hasAtMost(40), mayMention(line) else { return nil }
        var text = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .·•|"))
        for prefix in prefixes where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            break
        }
        switch text {
        case "yesterday": return 86_400
        case "just now", "moments ago", "a moment ago": return 0
        default: break
        }
        guard text.hasSuffix(" ago") else { return nil }
        let quantity = text.dropLast(4).trimmingCharacters(in: .whitespaces)
        let digits = quantity.prefix(while: \.isNumber)
        let count: Double
        let unit: String
        if !digits.isEmpty {
            count = Double(digits) ?? 0
            unit = quantity.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        } else {
            let parts = quantity.split(separator: " ")
            guard parts.count == 2, ["a", "an", "one"].contains(parts[0]) else { return nil }
            count = 1
            unit = String(parts[1])
        }
        guard let seconds = units[unit], count * seconds <= maximumAge else { return nil }
        return count * seconds
    }
}
