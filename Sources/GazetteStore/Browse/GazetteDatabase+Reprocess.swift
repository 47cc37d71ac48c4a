import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// The ids of the articles whose record another pipeline version made, oldest first.
    ///
    /// The stored version is the progress marker of `gazette reprocess`: an article replaced by
    /// ``replaceExtraction(articleID:record:)`` drops out, so an interrupted run resumes where it stopped.
    public func articleIDs(notMadeByPipeline version: String) throws -> [Int64] {
        try read("reprocess listing") { db in
            // Two ranges rather than `<>` so that the pipeline-version index answers it.
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM articles WHERE pipeline_version < ? OR pipeline_version > ? ORDER BY id
                    """, arguments: [version, version])
        }
    }

    /// The stored sources of these articles, in the same order, skipping ids with no article. A
    /// part of a file of several gets the bytes its file's first article keeps.
    public func storedSources(ids: [Int64]) throws -> [StoredSource] {
        try read("source read") { db in
            try ids.compactMap { id in
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT source_path, received_at, published_at, published_source, pipeline_version, part,
                                   COALESCE(raw, (SELECT raw FROM articles AS first
                                                   WHERE first.file_sha256 = articles.file_sha256
                                                     AND first.raw IS NOT NULL)) AS raw
                              FROM articles WHERE id = ?
                            """, arguments: [id])
                else { return nil }
                let publishedSource: String? = row["published_source"]
                let fromFile = publishedSource == ExtractionRecord.PublishedSource.file.rawValue
                let published = fromFile ? (row["published_at"] as String?).flatMap(Timestamp.date) : nil
                return StoredSource(
                    id: id, path: row["source_path"], bytes: (row["raw"] as Data?).map { [UInt8]($0) },
                    part: row["part"],
                    modified: published ?? Timestamp.date(row["received_at"]) ?? .distantPast,
                    pipeline: row["pipeline_version"])
            }
        }
    }

    /// Replaces an article's record with one the current pipeline made from the same bytes, in
    /// one transaction: its scalar fields are updated and every derived row (authors, entity
    /// links, mentions, aliases, roles, quotes, dates, amounts, keyphrases) is rebuilt.
    ///
    /// Intake facts (bytes, arrival, archive path, sightings) are kept. Shared entities that only
    /// this article named, and that the new record no longer names, are removed.
    public func replaceExtraction(articleID: Int64, record: ExtractionRecord) throws {
        let processedAt = Timestamp.string(now())
        try write("reprocess") { db in
            guard let article = try ArticleRow.fetchOne(db, key: articleID) else {
                throw StoreError.articleNotFound(id: articleID)
            }
            try replace(article, with: record, processedAt: processedAt, in: db)
        }
    }

    /// Replaces the record of an article stored whole from a file that the current pipeline reads
    /// as several articles (a feed, a mailbox, a JSON array, a digest, stored by an older
    /// pipeline), in one transaction: the article becomes the file's first part and the other
    /// parts are added, with the same intake facts (arrival, archive path; the bytes stay with
    /// the first). Returns the ids of the added articles.
    public func splitExtraction(articleID: Int64, records: [ExtractionRecord]) throws -> [Int64] {
        let processedAt = Timestamp.string(now())
        return try write("reprocess") { db in
            guard let article = try ArticleRow.fetchOne(db, key: articleID), let first = records.first else {
                throw StoreError.articleNotFound(id: articleID)
            }
            try replace(article, with: first, processedAt: processedAt, in: db)
            var added: [Int64] = []
            for record in records.dropFirst() {
                let writer = ArticleWriter(record: record, ingestedAt: article.ingestedAt)
                let id = try writer.insert(
                    raw: nil, receivedPath: article.receivedPath, receivedAt: article.receivedAt,
                    into: SQLiteRows(db: db))
                try db.execute(
                    sql: "UPDATE articles SET archive_path = ?, processed_at = ? WHERE id = ?",
                    arguments: [article.archivePath, processedAt, id])
                added.append(id)
            }
            return added
        }
    }

    /// Updates the article's scalar fields (its key and part too) from `record` and rebuilds
    /// every derived row; shared entities that only this article named, and that the new
    /// record no longer names, are removed.
    private func replace(
        _ article: ArticleRow, with record: ExtractionRecord, processedAt: String, in db: Database
    ) throws {
        var article = article
        let articleID = article.id!
        let previousEntities = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT entity_id FROM article_entities WHERE article_id = ?", arguments: [articleID])
        for table in Self.derivedTables {
            try db.execute(sql: "DELETE FROM \(table) WHERE article_id = ?", arguments: [articleID])
        }
        // New entities date from the article's ingest, as if it had been extracted so then.
        let writer = ArticleWriter(record: record, ingestedAt: article.ingestedAt)
        let publicationID = try record.publication.map(SQLiteRows(db: db).publicationID)
        try article.updateChanges(db) { row in
            row.sha256 = ArticleWriter.key(record.source)
            row.part = record.source.part
            row.fileSha256 = record.source.part == nil ? nil : record.source.sha256
            row.processedAt = processedAt
            row.recordSchema = record.schema
            row.sourcePath = record.source.path
            row.sourceFormat = record.source.format.rawValue
            row.sourceEncoding = record.source.encoding
            row.sourceBytes = record.source.bytes
            row.title = record.title
            row.titleSource = record.titleSource?.rawValue
            row.authorSource = record.authorSource?.rawValue
            row.authorRole = record.authorRole
            row.publicationId = publicationID
            row.publishedAt = record.publishedAt
            row.publishedSource = record.publishedSource?.rawValue
            row.language = record.language
            row.body = record.body
            row.wordCount = record.wordCount
            row.tone = record.tone
            row.simhash = UInt64(record.simhash, radix: 16).map { Int64(bitPattern: $0) } ?? 0
            row.simhashHex = record.simhash
            row.pipelineVersion = record.pipeline
            row.summary = try ArticleWriter.json(record.summary)
        }
        try writer.insertDetails(articleID: articleID, into: SQLiteRows(db: db))
        if !previousEntities.isEmpty {
            try db.execute(
                literal: """
                    DELETE FROM entities
                     WHERE id IN \(previousEntities)
                       AND NOT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = entities.id)
                       AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_entity_id = entities.id)
                    """)
        }
    }

    /// Tables of rows derived from an article's record, children before parents.
    private static let derivedTables = [
        "mentions", "entity_aliases", "entity_roles", "article_entities", "article_authors",
        "quotes", "dates", "amounts", "keyphrases",
    ]
}
