import Foundation
import GRDB

/// A half-open span of article time, `since ..< until`, either end open.
///
/// An article's time is its publication time, or the time it was ingested when the pipeline
/// found no publication time. Both columns are indexed, so a window narrows a query cheaply.
public struct TimeWindow: Sendable, Equatable {
    public var since: Date?
    public var until: Date?

    public init(since: Date? = nil, until: Date? = nil) {
        self.since = since
        self.until = until
    }

    /// Every article, whatever its time.
    public static let always = TimeWindow()

    public var isUnbounded: Bool { since == nil && until == nil }

    /// The SQL condition on the articles table aliased `alias`, or nil when unbounded.
    func condition(on alias: String) -> SQL? {
        guard !isUnbounded else { return nil }
        // `published_at` holds whole-second ISO-8601 as extracted, at the UTC offset the source
        // gave (`…-05:00`) or in UTC (`…Z`); `ingested_at` the store's own millisecond UTC form.
        // Text order is local-time order for `published_at`, at most 14 hours from UTC order: the
        // index narrows to the bounds widened by that much, and julianday() decides exactly.
        var published: [SQL] = []
        var ingested: [SQL] = []
        let slack: TimeInterval = 14 * 3600
        if let since {
            published.append(
                "\(sql: alias).published_at >= \(Self.wholeSeconds.format(since.addingTimeInterval(-slack)))")
            published.append("julianday(\(sql: alias).published_at) >= julianday(\(Self.wholeSeconds.format(since)))")
            ingested.append("\(sql: alias).ingested_at >= \(Timestamp.string(since))")
        }
        if let until {
            published.append(
                "\(sql: alias).published_at < \(Self.wholeSeconds.format(until.addingTimeInterval(slack)))")
            published.append("julianday(\(sql: alias).published_at) < julianday(\(Self.wholeSeconds.format(until)))")
            ingested.append("\(sql: alias).ingested_at < \(Timestamp.string(until))")
        }
        let withDate = published.joined(separator: " AND ")
        let withoutDate = (["\(sql: alias).published_at IS NULL"] + ingested).joined(separator: " AND ")
        return "((\(withDate)) OR (\(withoutDate)))"
    }

    private static let wholeSeconds = Date.ISO8601FormatStyle()
}
