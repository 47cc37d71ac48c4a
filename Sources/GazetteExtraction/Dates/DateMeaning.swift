import Foundation

/// What a date expression says before it is placed on the calendar: `12 February` needs a
/// year, `last week` needs the publication date. ``resolve(anchor:tense:)`` places it.
enum DateMeaning: Equatable {
    /// Which occurrence a weekday or month name points to.
    enum Pick: Equatable {
        /// `Tuesday`, `in May`: chosen by the tense of the sentence.
        case bare
        /// `last Tuesday`: strictly before the anchor.
        case last
        /// `next Tuesday`: strictly after the anchor.
        case next
        /// `this Tuesday`: the anchor's week (or year, for a month).
        case this
    }

    enum Tense { case past, future, unknown }

    case absolute(value: String, granularity: DateMention.Granularity)
    case dayMonth(month: Int, day: Int)
    case month(Int, Pick)
    case weekday(Int, Pick)
    /// `yesterday` is -1 days; `last week` is -1 weeks; `two weeks ago` is -2 weeks.
    case relative(DateMention.Granularity, Int)
    /// `the weekend`, `last weekend`: an ISO week.
    case weekend(Pick)
    /// `the third quarter` (of an optional explicit year).
    case quarter(Int, year: Int?)
    /// `this quarter` is 0, `last quarter` -1.
    case relativeQuarter(Int)
    /// `now`, `currently`: the publication day.
    case now

    /// Value and granularity, or nil when the expression is relative and there is no anchor.
    func resolve(anchor: Date?, tense: Tense) -> (String, DateMention.Granularity)? {
        if case .absolute(let value, let granularity) = self { return (value, granularity) }
        guard let anchor else { return nil }
        let a = CivilDate(anchor)
        switch self {
        case .absolute:
            return nil
        case .dayMonth(let month, let day):
            let candidates = (a.year - 1...a.year + 1).filter { CivilDate.isValid(year: $0, month: month, day: day) }
                .map { CivilDate(year: $0, month: month, day: day) }
            let same = candidates.first { $0.year == a.year }
            let chosen: CivilDate?
            switch tense {
            case .past: chosen = candidates.last { $0 <= a }
            case .future: chosen = candidates.first { $0 >= a }
            case .unknown: chosen = same ?? candidates.min { abs($0.days - a.days) < abs($1.days - a.days) }
            }
            return chosen.map { ($0.dayString, .day) }
        case .month(let month, let pick):
            let now = a.year * 12 + a.month - 1
            var index = a.year * 12 + month - 1
            switch (pick, tense) {
            case (.last, _): if index >= now { index -= 12 }
            case (.next, _): if index <= now { index += 12 }
            case (.bare, .past): if index > now { index -= 12 }
            case (.bare, .future): if index < now { index += 12 }
            default: break
            }
            return (CivilDate(year: index / 12, month: index % 12 + 1, day: 1).monthString, .month)
        case .weekday(let weekday, let pick):
            let back = (a.weekday - weekday + 7) % 7
            let ahead = (weekday - a.weekday + 7) % 7
            let offset: Int
            switch (pick, tense) {
            case (.last, _): offset = back == 0 ? -7 : -back
            case (.next, _): offset = ahead == 0 ? 7 : ahead
            case (.this, _): offset = weekday - a.weekday
            case (.bare, .future): offset = ahead
            case (.bare, _): offset = -back
            }
            return (a.adding(days: offset).dayString, .day)
        case .relative(let unit, let n):
            switch unit {
            case .hour:
                let t = anchor.addingTimeInterval(Double(n) * 3_600)
                let day = CivilDate(t)
                let seconds = t.timeIntervalSince1970 - Double(day.days) * 86_400
                let hour = Int(seconds / 3_600)
                return ("\(day.dayString)T\(CivilDate.pad(hour, 2)):00:00Z", .hour)
            case .day: return (a.adding(days: n).dayString, .day)
            case .week: return (a.adding(days: 7 * n).weekString, .week)
            case .month: return (a.adding(months: n).monthString, .month)
            case .year: return (CivilDate.pad(a.year + n, 4), .year)
            }
        case .weekend(let pick):
            var shift = 0
            switch (pick, tense) {
            case (.last, _): shift = -7
            case (.next, _): shift = 7
            case (.bare, .past), (.bare, .unknown): shift = a.weekday >= 6 ? 0 : -7
            default: shift = 0
            }
            return (a.adding(days: shift).weekString, .week)
        case .quarter(let q, let year):
            let startMonth = 3 * (q - 1) + 1
            var y = year ?? a.year
            if year == nil {
                // Quarters are reported once they have begun: the most recent one of that number.
                if startMonth > a.month { y -= 1 }
            }
            return (CivilDate(year: y, month: startMonth, day: 1).monthString, .month)
        case .relativeQuarter(let n):
            let current = (a.month - 1) / 3
            let start = CivilDate(year: a.year, month: current * 3 + 1, day: 1).adding(months: 3 * n)
            return (start.monthString, .month)
        case .now:
            return (a.dayString, .day)
        }
    }
}
