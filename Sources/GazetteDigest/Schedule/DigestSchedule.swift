import Foundation

/// The instants digests are due: every configured local time of every day in one zone.
///
/// Daylight-saving changes: a time that does not exist that day (skipped by a spring-forward)
/// is due at the first instant after the gap; a time that happens twice (fall-back) is due the
/// first time only.
public struct DigestSchedule: Sendable {
    public let times: [TimeOfDay]
    public let calendar: Calendar

    public init(times: [TimeOfDay], timeZone: TimeZone) {
        self.times = times
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The first due instant strictly after `date`.
    public func next(after date: Date) -> Date? {
        times.compactMap { time in
            calendar.nextDate(
                after: date, matching: DateComponents(hour: time.hour, minute: time.minute, second: 0),
                matchingPolicy: .nextTime, repeatedTimePolicy: .first, direction: .forward)
        }.min()
    }

    /// The last due instant at or before `date`.
    public func previous(atOrBefore date: Date) -> Date? {
        times.compactMap { time in
            calendar.nextDate(
                after: date.addingTimeInterval(0.001),
                matching: DateComponents(hour: time.hour, minute: time.minute, second: 0),
                matchingPolicy: .nextTime, repeatedTimePolicy: .first, direction: .backward)
        }.max()
    }
}
