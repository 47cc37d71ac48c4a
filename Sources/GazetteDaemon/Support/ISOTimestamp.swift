import Foundation

/// Parses and formats the ISO-8601 times users type on the command line.
public enum ISOTimestamp {
    /// Accepts `2025-12-03T08:00:00Z`, `2025-12-03T08:00:00.250+01:00`, `2025-12-03T08:00` (UTC)
    /// and `2025-12-03` (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var candidates = [trimmed]
        if trimmed.count == 10 { candidates.append(trimmed + "T00:00:00Z") }
        if trimmed.count == 16 { candidates.append(trimmed + ":00Z") }
        if trimmed.count == 19 { candidates.append(trimmed + "Z") }
        for candidate in candidates {
            if let date = try? Date(candidate, strategy: .iso8601) { return date }
            let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            if let date = try? Date(candidate, strategy: fractional) { return date }
        }
        return nil
    }

    /// `2025-12-03T08:00:00Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
