import Foundation

/// One article file as read from disk: what ``Extractor/extract(_:options:)`` works on.
public struct SourceDocument: Sendable {
    /// The path as the caller names it; decides the format by extension and is copied into the record.
    public var path: String
    public let bytes: [UInt8]
    /// The file's modification time: the anchor for `14 hours ago` and the fallback publication time.
    public var modified: Date
    /// Hex SHA-256 of `bytes`, computed once: the record's `source.sha256` and the store's key.
    public let sha256: String

    public init(path: String, bytes: [UInt8], modified: Date) {
        self.path = path
        self.bytes = bytes
        self.modified = modified
        self.sha256 = SHA256.hex(of: bytes)
    }
}
