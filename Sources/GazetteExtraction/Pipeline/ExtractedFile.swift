/// What ``Extractor/extractFile(_:options:)`` made of one file: a record per article, and the
/// parts that gave none.
public struct ExtractedFile: Sendable {
    /// A part of the file without article text, skipped.
    public struct Skipped: Sendable, Equatable {
        /// Its locator (`item 3`).
        public var part: String
        public var error: ExtractionError
    }

    /// At least one; in the file's order.
    public var records: [ExtractionRecord]
    public var skipped: [Skipped]
}
