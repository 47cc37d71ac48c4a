import Foundation

/// A proleptic Gregorian calendar day in UTC, with the arithmetic relative dates need
/// (shift by days or months, weekday, ISO week) and its ISO-8601 forms.
///
/// Plain integer arithmetic (Howard Hinnant's days-from-civil): no `Calendar`, no locale.
package struct CivilDate: Hashable, Comparable, Sendable {
    package var year: Int
    package var month: Int
    package var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC calendar day of `date`, and the hour.
    package init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        self.init(days: days)
    }

    init(days z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01.
    var days: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package static func < (a: CivilDate, b: CivilDate) -> Bool { a.days < b.days }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    var weekday: Int {
        let w = (days + 3) % 7  // 1970-01-01 was a Thursday (3 days after Monday)
        return (w < 0 ? w + 7 : w) + 1
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    func adding(days n: Int) -> CivilDate { CivilDate(days: days + n) }

    /// Shifts by whole months, clamping the day (`31 March` minus a month is `28/29 February`).
    func adding(months n: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + n
        let y = Int((Double(total) / 12).rounded(.down))
        let m = total - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))
    }

    /// ISO-8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.days - jan1.days) / 7 + 1)
    }

    var dayString: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
    var monthString: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }
    var yearString: String { Self.pad(year, 4) }
    var weekString: String {
        let w = isoWeek
        return "\(Self.pad(w.year, 4))-W\(Self.pad(w.week, 2))"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
