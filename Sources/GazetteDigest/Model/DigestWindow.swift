import Foundation

/// The half-open stretch of ingest time `since..<until` a digest covers.
public struct DigestWindow: Sendable, Codable, Equatable, Hashable {
    public var since: Date
    public var until: Date

    public init(since: Date, until: Date) {
        self.since = since
        self.until = until
    }

    public var duration: TimeInterval { until.timeIntervalSince(since) }

    /// The local calendar day `date` falls on (`YYYY-MM-DD`) as a window from its midnight to the next.
    public static func day(_ date: String, in timeZone: TimeZone) -> DigestWindow? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, date.count == 10 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard let start = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: start) == components,
            let end = calendar.date(byAdding: .day, value: 1, to: start)
        else { return nil }
        return DigestWindow(since: start, until: end)
    }
}
