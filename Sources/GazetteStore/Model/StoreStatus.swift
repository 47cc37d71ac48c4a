import Foundation

/// Counters for `gazette status`.
public struct StoreStatus: Sendable, Codable, Equatable {
    /// Articles stored.
    public var articles: Int
    /// Ingest failures recorded.
    public var failed: Int
    /// Duplicate sightings recorded (the same bytes dropped again).
    public var duplicates: Int
    public var lastIngestAt: Date?
    /// The reason of the most recent failure.
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Size of the database (pages in use times page size), excluding the WAL file.
    public var databaseBytes: Int64

    public init(
        articles: Int,
        failed: Int,
        duplicates: Int,
        lastIngestAt: Date?,
        lastError: String?,
        lastErrorAt: Date?,
        databaseBytes: Int64
    ) {
        self.articles = articles
        self.failed = failed
        self.duplicates = duplicates
        self.lastIngestAt = lastIngestAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.databaseBytes = databaseBytes
    }
}
