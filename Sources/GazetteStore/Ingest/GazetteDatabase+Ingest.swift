import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// Stores an article and everything hanging off it in one transaction.
    ///
    /// If an article with the same SHA-256 is already stored, only a duplicate sighting is
    /// recorded and ``IngestOutcome/duplicate(id:)`` is returned. Nothing is written if this throws.
    public func ingest(_ article: NewArticle) throws -> IngestOutcome {
        try ingest(file: [article])
    }

    /// Raw bytes and body together from which an article's statements are not kept cached.
    static let largeArticleBytes = 1 << 20

    /// Stores the articles of one file (one, or the parts of a feed, mailbox, JSON array or
    /// digest, all with the same `source.sha256`) in one transaction: a crash never leaves part
    /// of a file stored. The raw bytes are kept once, in the first article's row.
    ///
    /// If an article of a file with the same SHA-256 is already stored, only a duplicate sighting
    /// of the file's first article is recorded. Nothing is written if this throws.
    public func ingest(file articles: [NewArticle]) throws -> IngestOutcome {
        guard let first = articles.first else { preconditionFailure("a file's ingest needs at least one article") }
        let ingestedAt = Timestamp.string(first.ingestedAt ?? now())
        return try groupWrite("ingest") { [self] db in
            if let id = try existingArticleID(sha256: first.record.source.sha256, in: db) {
                try insertSighting(articleID: id, path: first.receivedPath, at: first.receivedAt, in: db)
                return .duplicate(id: id)
            }
            var ids: [Int64] = []
            for (index, article) in articles.enumerated() {
                let writer = ArticleWriter(record: article.record, ingestedAt: ingestedAt)
                ids.append(
                    try writer.insert(
                        raw: index == 0 ? article.raw : nil, receivedPath: article.receivedPath,
                        receivedAt: Timestamp.string(article.receivedAt), archivePath: article.archivePath,
                        into: SQLiteRows(db: db)))
            }
            // A cached statement keeps its last arguments, and SQLite its own copy of them: after a
            // large file, its raw bytes and body twice over until the next article. Dropping the
            // caches (statements are prepared again, once) gives that memory back now.
            if articles.contains(where: { $0.raw.count + $0.record.body.utf8.count >= Self.largeArticleBytes }) {
                db.clearSchemaCache()
            }
            return .stored(ids: ids)
        }
    }

    /// The id of the (first) article stored from the file with these bytes' SHA-256, if any.
    public func articleID(sha256: String) throws -> Int64? {
        try read("article lookup") { db in try existingArticleID(sha256: sha256, in: db) }
    }

    /// Records that the same bytes as an already stored article arrived again at `path`.
    public func recordSighting(articleID: Int64, path: String, at date: Date) throws {
        try groupWrite("duplicate sighting") { [self] db in
            try requireArticle(articleID, in: db)
            try insertSighting(articleID: articleID, path: path, at: date, in: db)
        }
    }

    /// Records a sighting of `path` unless the article was stored from that path or a sighting of
    /// it is already recorded: for a file whose processing was interrupted after either.
    public func recordSightingIfNew(articleID: Int64, path: String, at date: Date) throws {
        try write("duplicate sighting") { db in
            try requireArticle(articleID, in: db)
            let known =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1 AND received_path = ?2)
                            OR EXISTS (SELECT 1 FROM duplicate_sightings WHERE article_id = ?1 AND path = ?2)
                        """, arguments: [articleID, path]) ?? false
            if !known { try insertSighting(articleID: articleID, path: path, at: date, in: db) }
        }
    }

    /// Sets where the original file now lives (nil after it was deleted), for the article and
    /// the other articles from the same file.
    public func setArchivePath(articleID: Int64, path: String?) throws {
        try groupWrite("archive path update") { db in
            try db.execute(
                sql: """
                    UPDATE articles SET archive_path = ?
                     WHERE id = ? OR file_sha256 = (SELECT file_sha256 FROM articles WHERE id = ?)
                    """, arguments: [path, articleID, articleID])
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

    /// The file's article, or its first part: its hash is the key of a file of one article and
    /// the `file_sha256` of each part of a file of several.
    private func existingArticleID(sha256: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT MIN(id) FROM articles WHERE sha256 = ? OR file_sha256 = ?"),
            arguments: [sha256, sha256])
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
