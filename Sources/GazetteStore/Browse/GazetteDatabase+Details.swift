import Foundation
import GRDB

extension GazetteDatabase {
    /// A stored article's record and intake facts, or nil if there is no article with this id. A
    /// part of a file of several shares its file's bytes and sightings (kept with the file's first article).
    public func articleDetails(id: Int64) throws -> ArticleDetails? {
        try read("article read") { db in
            guard let record = try RecordReader(db: db).record(id: id),
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT ingested_at, processed_at, received_path, received_at, archive_path,
                               raw IS NOT NULL OR EXISTS (SELECT 1 FROM articles AS first
                                                           WHERE first.file_sha256 = articles.file_sha256
                                                             AND first.raw IS NOT NULL) AS has_raw
                          FROM articles WHERE id = ?
                        """, arguments: [id])
            else { return nil }
            let sightings = try Row.fetchAll(
                db,
                sql: """
                    SELECT path, seen_at FROM duplicate_sightings
                     WHERE article_id = ?
                        OR article_id = (SELECT MIN(id) FROM articles
                                          WHERE file_sha256 = (SELECT file_sha256 FROM articles WHERE id = ?))
                     ORDER BY seen_at, id
                    """,
                arguments: [id, id]
            ).map { ArticleDetails.Sighting(path: $0["path"], seenAt: Timestamp.date($0["seen_at"]) ?? .distantPast) }
            return ArticleDetails(
                id: id, record: record,
                ingestedAt: Timestamp.date(row["ingested_at"]) ?? .distantPast,
                processedAt: Timestamp.date(row["processed_at"]) ?? .distantPast,
                receivedPath: row["received_path"],
                receivedAt: Timestamp.date(row["received_at"]) ?? .distantPast,
                archivePath: row["archive_path"], hasRawBytes: row["has_raw"], sightings: sightings)
        }
    }
}
