import Foundation
import GazetteExtraction
import GazetteStore
import PostgresNIO

/// The intake's writes. Exactly once across nodes: the article's SHA-256 key is unique, so of
/// two nodes storing the same bytes at once one commits the article and the other, finding the
/// key taken when its insert comes to it, starts again and records a sighting instead.
extension PostgresStore: IntakeStore {
    public func ingest(file articles: [NewArticle]) throws -> IngestOutcome {
        guard let first = articles.first else { preconditionFailure("a file's ingest needs at least one article") }
        let ingestedAt = Timestamp.string(first.ingestedAt ?? Date())
        while true {
            do {
                return try connections.transaction("ingest") { session in
                    if let id = try existingArticleID(sha256: first.record.source.sha256, in: session) {
                        try insertSighting(articleID: id, path: first.receivedPath, at: first.receivedAt, in: session)
                        return .duplicate(id: id)
                    }
                    let rows = PostgresRows(session: session, node: node)
                    var ids: [Int64] = []
                    for (index, article) in articles.enumerated() {
                        let writer = ArticleWriter(record: article.record, ingestedAt: ingestedAt)
                        ids.append(
                            try writer.insert(
                                raw: index == 0 ? article.raw : nil, receivedPath: article.receivedPath,
                                receivedAt: Timestamp.string(article.receivedAt), archivePath: article.archivePath,
                                into: rows))
                    }
                    return .stored(ids: ids)
                }
            } catch is StoredElsewhere {
                continue
            }
        }
    }

    public func articleID(sha256: String) throws -> Int64? {
        try connections.withSession("article lookup") { session in try existingArticleID(sha256: sha256, in: session) }
    }

    public func recordSighting(articleID: Int64, path: String, at date: Date) throws {
        try connections.transaction("duplicate sighting") { session in
            try requireArticle(articleID, in: session)
            try insertSighting(articleID: articleID, path: path, at: date, in: session)
        }
    }

    public func recordSightingIfNew(articleID: Int64, path: String, at date: Date) throws {
        try connections.transaction("duplicate sighting") { session in
            try requireArticle(articleID, in: session)
            let known = try session.value(
                """
                SELECT EXISTS (SELECT 1 FROM articles WHERE id = \(articleID) AND received_path = \(path))
                    OR EXISTS (SELECT 1 FROM duplicate_sightings WHERE article_id = \(articleID) AND path = \(path))
                """, as: Bool.self)
            if known != true { try insertSighting(articleID: articleID, path: path, at: date, in: session) }
        }
    }

    public func setArchivePath(articleID: Int64, path: String?) throws {
        try connections.withSession("archive path update") { session in
            let changed = try session.execute(
                """
                UPDATE articles SET archive_path = \(path)
                 WHERE id = \(articleID)
                    OR file_sha256 = (SELECT file_sha256 FROM articles WHERE id = \(articleID))
                """)
            if changed == 0 { throw StoreError.articleNotFound(id: articleID) }
        }
    }

    public func recordFailure(_ failure: IngestFailure) throws {
        try connections.withSession("failure record") { session in
            _ = try session.execute(
                """
                INSERT INTO ingest_failures (file_name, reason, stage, size, sha256, failed_at, quarantine_path, node_name)
                VALUES (\(failure.fileName), \(failure.reason), \(failure.stage), \(failure.size), \(failure.sha256),
                        \(failure.at), \(failure.quarantinePath), \(node))
                """)
        }
    }

    /// Counters for `gazette status`; the size is the whole database's (`pg_database_size`).
    public func status() throws -> StoreStatus {
        try connections.withSession("status") { session in
            let row = try session.rows(
                """
                SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM ingest_failures),
                       (SELECT COUNT(*) FROM duplicate_sightings), (SELECT MAX(ingested_at) FROM articles),
                       pg_database_size(current_database())
                """)[0]
            let (articles, failed, duplicates, lastIngest, bytes) = try row.decode(
                (Int64, Int64, Int64, Date?, Int64).self)
            let lastFailure = try session.rows(
                "SELECT reason, failed_at FROM ingest_failures ORDER BY failed_at DESC, id DESC LIMIT 1"
            ).first.map { try $0.decode((String, Date).self) }
            return StoreStatus(
                articles: Int(articles), failed: Int(failed), duplicates: Int(duplicates), lastIngestAt: lastIngest,
                lastError: lastFailure?.0, lastErrorAt: lastFailure?.1, databaseBytes: bytes)
        }
    }

    /// The node that stored an article, or nil when there is no such article.
    public func node(ofArticle id: Int64) throws -> String? {
        try connections.withSession("article node") { session in
            try session.value("SELECT node_name FROM articles WHERE id = \(id)")
        }
    }

    /// The file's article, or its first part (see the SQLite store's).
    private func existingArticleID(sha256: String, in session: PostgresSession) throws -> Int64? {
        try session.value("SELECT MIN(id) FROM articles WHERE sha256 = \(sha256) OR file_sha256 = \(sha256)")
    }

    private func insertSighting(articleID: Int64, path: String, at date: Date, in session: PostgresSession) throws {
        try session.execute(
            """
            INSERT INTO duplicate_sightings (article_id, path, seen_at, node_name)
            VALUES (\(articleID), \(path), \(date), \(node))
            """)
    }

    private func requireArticle(_ id: Int64, in session: PostgresSession) throws {
        guard try session.value("SELECT 1 FROM articles WHERE id = \(id)", as: Int32.self) != nil else {
            throw StoreError.articleNotFound(id: id)
        }
    }
}
