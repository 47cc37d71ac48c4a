import Foundation

/// Calendar arithmetic for publication times without `Calendar` or locales: building a `Date`
/// from civil fields and printing one as `2025-12-03T08:00:00Z` (day arithmetic in ``CivilDate``).
enum UTCDateTime {
    /// The instant of a civil date and time at a UTC offset, or nil for an impossible date.
    static func date(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetSeconds: Int = 0
    ) -> Date? {
        guard (1..<10_000).contains(year), (1...12).contains(month),
            (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).days
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// ISO-8601 in UTC to the second.
    static func iso(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secondOfDay = total - days * 86_400
        let civil = CivilDate(days: days)
        if civil.year >= 0 {
            // `String(format:)` is slow; the same digits, zero-padded by hand.
            let (p, h, m, s) = (CivilDate.pad, secondOfDay / 3_600, secondOfDay % 3_600 / 60, secondOfDay % 60)
            return "\(p(civil.year, 4))-\(p(civil.month, 2))-\(p(civil.day, 2))T\(p(h, 2)):\(p(m, 2)):\(p(s, 2))Z"
        }
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", civil.year, civil.month, civil.day, secondOfDay / 3_600,
            secondOfDay % 3_600 / 60, secondOfDay % 60)
    }

    /// ISO-8601 at the zone offset a page gave (`2019-11-20T22:00:00-05:00`), so that the date
    /// part is the page's own day; in UTC (``iso(_:)``) without an offset or at offset zero.
    static func iso(_ date: Date, offset: Int?) -> String {
        guard let offset, offset != 0, abs(offset) < 86_400 else { return iso(date) }
        let local = iso(date.addingTimeInterval(TimeInterval(offset))).dropLast()
        let minutes = abs(offset) / 60
        return "\(local)\(offset < 0 ? "-" : "+")\(CivilDate.pad(minutes / 60, 2)):\(CivilDate.pad(minutes % 60, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
