import Foundation

/// Reads the ISO-8601 times the store hands the digest: whole or fractional seconds, in UTC
/// (`Z`) or at the source's offset (`-05:00`).
enum ISOTimestamp {
    private static let wholeSeconds = Date.ISO8601FormatStyle()
    private static let fractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func date(_ text: String) -> Date? {
        (try? wholeSeconds.parse(text)) ?? (try? fractionalSeconds.parse(text))
    }
}
