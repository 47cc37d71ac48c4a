import Foundation

/// How ``Extractor/extract(_:options:)`` treats a file.
public struct ExtractionOptions: Sendable {
    /// The file is already clean article text: no clean-up and no title, byline or dateline
    /// detection; the body is the text with line endings normalised and outer whitespace trimmed.
    public var raw = false
    /// The publication time to assume, overriding whatever the file says; the record reports
    /// it with `published_source` `metadata` (it comes from outside the text).
    public var publishedAt: Date? = nil

    public init(raw: Bool = false, publishedAt: Date? = nil) {
        self.raw = raw
        self.publishedAt = publishedAt
    }
}
