import Foundation

/// Names of digest files: `YYYY-MM-DD` after the local day a digest ends on, with `-HHMM`
/// (the local end time) when several digests can end the same day.
public enum DigestFileName {
    /// Stems sort in time order as text.
    public static func stem(for window: DigestWindow, calendar: Calendar, withTime: Bool) -> String {
        let lastInstant = window.until.addingTimeInterval(-0.001)
        let day = calendar.dateComponents([.year, .month, .day], from: lastInstant)
        var stem = String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        if withTime {
            let end = calendar.dateComponents([.hour, .minute], from: window.until)
            let sameDay = calendar.isDate(window.until, inSameDayAs: lastInstant)
            stem += String(format: "-%02d%02d", sameDay ? end.hour ?? 0 : 24, sameDay ? end.minute ?? 0 : 0)
        }
        return stem
    }

    /// Whether `name` without its extension is a digest stem.
    static func isStem(_ name: Substring) -> Bool {
        let digits = name.map(\.isASCII).allSatisfy { $0 } && name.allSatisfy { $0.isNumber || $0 == "-" }
        guard digits else { return false }
        let parts = name.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        return parts == [4, 2, 2] || parts == [4, 2, 2, 4]
    }
}
