import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// Stores an article and everything hanging off it in one transaction.
    ///
    /// If an article with the same SHA-256 is already stored, only a duplicate sighting is
    /// recorded and ``IngestOutcome/duplicate(id:)`` is returned. Nothing is written if this throws.
    public func ingest(_ article: NewArticle) throws -> IngestOutcome {
        let ingestedAt = Timestamp.string(article.ingestedAt ?? now())
        return try write("ingest") { db in
            if let id = try existingArticleID(sha256: article.record.source.sha256, in: db) {
                try insertSighting(articleID: id, path: article.receivedPath, at: article.receivedAt, in: db)
                return .duplicate(id: id)
            }
            let writer = ArticleWriter(record: article.record, ingestedAt: ingestedAt)
            let id = try writer.insert(
                raw: article.raw, receivedPath: article.receivedPath,
                receivedAt: Timestamp.string(article.receivedAt), in: db)
            return .stored(id: id)
        }
    }

    /// The id of the article stored with these bytes' SHA-256, if any.
    public func articleID(sha256: String) throws -> Int64? {
        try read("article lookup") { db in try existingArticleID(sha256: sha256, in: db) }
    }

    /// Records that the same bytes as an already stored article arrived again at `path`.
    public func recordSighting(articleID: Int64, path: String, at date: Date) throws {
        try write("duplicate sighting") { db in
            try requireArticle(articleID, in: db)
            try insertSighting(articleID: articleID, path: path, at: date, in: db)
        }
    }

    /// Sets where the original file now lives (nil after it was deleted).
    public func setArchivePath(articleID: Int64, path: String?) throws {
        try write("archive path update") { db in
            try db.execute(
                sql: "UPDATE articles SET archive_path = ? WHERE id = ?", arguments: [path, articleID])
            if db.changesCount == 0 { throw StoreError.articleNotFound(id: articleID) }
        }
    }

    /// Records a file the intake refused or could not process.
    public func recordFailure(_ failure: IngestFailure) throws {
        try write("failure record") { db in
            var row = IngestFailureRow(
                fileName: failure.fileName, reason: failure.reason, stage: failure.stage, size: failure.size,
                sha256: failure.sha256, failedAt: Timestamp.string(failure.at), quarantinePath: failure.quarantinePath)
            try row.insert(db)
        }
    }

    private func existingArticleID(sha256: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE sha256 = ?"), arguments: [sha256])
    }

    private func insertSighting(articleID: Int64, path: String, at date: Date, in db: Database) throws {
        var row = DuplicateSightingRow(articleId: articleID, path: path, seenAt: Timestamp.string(date))
        try row.insert(db)
    }

    func requireArticle(_ id: Int64, in db: Database) throws {
        guard try Int64.fetchOne(db, sql: "SELECT 1 FROM articles WHERE id = ?", arguments: [id]) != nil else {
            throw StoreError.articleNotFound(id: id)
        }
    }
}
