import Foundation

/// The one text form of instants in the database: ISO-8601 in UTC with milliseconds
/// (`2025-12-03T08:00:00.000Z`), so that text order is time order.
package enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeSeconds = Date.ISO8601FormatStyle()

    package static func string(_ date: Date) -> String {
        style.format(date)
    }

    /// Parses the stored form, and also whole-second timestamps written by hand or by `sqlite3`.
    static func date(_ text: String) -> Date? {
        (try? style.parse(text)) ?? (try? wholeSeconds.parse(text))
    }
}
