import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// Stores many new articles in one transaction, each with its own ingest time; for building
    /// large synthetic stores (`gazette-tools synth-store`), not for the intake.
    ///
    /// Articles whose SHA-256 is already stored are skipped. Returns how many were stored.
    @discardableResult
    public func ingest(batch: [(article: NewArticle, ingestedAt: Date)]) throws -> Int {
        try write("bulk ingest") { db in
            var stored = 0
            for (article, ingestedAt) in batch {
                let known = try Int64.fetchOne(
                    db, sql: "SELECT id FROM articles WHERE sha256 = ?",
                    arguments: [ArticleWriter.key(article.record.source)])
                guard known == nil else { continue }
                let writer = ArticleWriter(record: article.record, ingestedAt: Timestamp.string(ingestedAt))
                _ = try writer.insert(
                    raw: article.raw, receivedPath: article.receivedPath,
                    receivedAt: Timestamp.string(article.receivedAt), into: SQLiteRows(db: db))
                stored += 1
            }
            return stored
        }
    }
}
