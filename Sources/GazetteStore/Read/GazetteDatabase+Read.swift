import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// The full record of a stored article, as `gazette extract` would print it, or nil if
    /// there is no article with this id.
    public func record(id: Int64) throws -> ExtractionRecord? {
        try read("record read") { db in try RecordReader(db: db).record(id: id) }
    }

    /// The raw bytes of a stored article's file as received (for a part of a file of several, the
    /// bytes its file's first article keeps), or nil if there is no such article or its bytes
    /// were not kept.
    public func rawBytes(id: Int64) throws -> [UInt8]? {
        try read("raw bytes read") { db in
            try Data.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(raw, (SELECT raw FROM articles AS first
                                           WHERE first.file_sha256 = articles.file_sha256 AND first.raw IS NOT NULL))
                      FROM articles WHERE id = ?
                    """, arguments: [id]
            ).map { [UInt8]($0) }
        }
    }

    /// The most recently ingested articles, newest first.
    public func articleSummaries(limit: Int) throws -> [ArticleSummary] {
        try read("article listing") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT articles.id, title, publications.name AS publication, published_at, ingested_at
                      FROM articles LEFT JOIN publications ON publications.id = publication_id
                     ORDER BY ingested_at DESC, articles.id DESC
                     LIMIT ?
                    """, arguments: [max(0, limit)]
            ).map { row in
                ArticleSummary(
                    id: row["id"], title: row["title"], publication: row["publication"],
                    publishedAt: row["published_at"],
                    ingestedAt: Timestamp.date(row["ingested_at"]) ?? .distantPast)
            }
        }
    }

    /// Counters for `gazette status`.
    public func status() throws -> StoreStatus {
        try read("status") { db in
            let lastFailure = try Row.fetchOne(
                db, sql: "SELECT reason, failed_at FROM ingest_failures ORDER BY failed_at DESC, id DESC LIMIT 1")
            let pageCount = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return StoreStatus(
                articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                failed: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ingest_failures") ?? 0,
                duplicates: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM duplicate_sightings") ?? 0,
                lastIngestAt: try String.fetchOne(db, sql: "SELECT MAX(ingested_at) FROM articles").flatMap(
                    Timestamp.date),
                lastError: lastFailure?["reason"],
                lastErrorAt: (lastFailure?["failed_at"] as String?).flatMap(Timestamp.date),
                databaseBytes: pageCount * pageSize)
        }
    }
}
