import Foundation
import GazetteExtraction
import GazetteStore
import PostgresNIO

/// ``IngestRows`` in PostgreSQL, through one session inside its transaction: the article writer
/// and entity linker SQLite uses, over PostgreSQL's statements. Names unique whatever their case
/// are compared on `lower(name)`, as the schema's unique indexes are. An entity another node
/// inserted at the same moment is taken as found (`ON CONFLICT DO NOTHING`, then read).
struct PostgresRows: IngestRows {
    let session: PostgresSession
    /// This node's name, recorded with each article.
    let node: String

    func publicationID(_ name: String) throws -> Int64 {
        let keys = PublicationName.keys(name)
        if let id = try session.value(
            "SELECT id FROM publications WHERE lower(name) IN (\(keys[0]), \(keys[1])) ORDER BY id LIMIT 1",
            as: Int64.self)
        {
            return id
        }
        return try inserted(
            "INSERT INTO publications (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING RETURNING id",
            else: "SELECT id FROM publications WHERE name = \(name)")
    }

    func authorID(_ name: String) throws -> Int64 {
        if let id = try session.value("SELECT id FROM authors WHERE name = \(name)", as: Int64.self) { return id }
        return try inserted(
            "INSERT INTO authors (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING RETURNING id",
            else: "SELECT id FROM authors WHERE name = \(name)")
    }

    func insertArticle(_ row: ArticleRow) throws -> Int64 {
        let id = try session.value(
            """
            INSERT INTO articles (
                sha256, raw, received_path, received_at, archive_path, ingested_at, processed_at, record_schema,
                source_path, source_format, source_encoding, source_bytes, title, title_source, author_role,
                author_source, publication_id, published_at, published_source, language, body, word_count, tone,
                simhash, simhash_hex, pipeline_version, summary, part, file_sha256, node_name
            ) VALUES (
                \(row.sha256), \(row.raw), \(row.receivedPath), \(row.receivedAt)::timestamptz, \(row.archivePath),
                \(row.ingestedAt)::timestamptz, \(row.processedAt)::timestamptz, \(row.recordSchema),
                \(row.sourcePath), \(row.sourceFormat), \(row.sourceEncoding), \(row.sourceBytes), \(row.title),
                \(row.titleSource), \(row.authorRole), \(row.authorSource), \(row.publicationId),
                \(row.publishedAt), \(row.publishedSource), \(row.language), \(row.body), \(row.wordCount),
                \(row.tone), \(row.simhash), \(row.simhashHex), \(row.pipelineVersion), \(row.summary)::jsonb,
                \(row.part), \(row.fileSha256), \(node)
            ) ON CONFLICT (sha256) DO NOTHING RETURNING id
            """, as: Int64.self)
        guard let id else { throw StoredElsewhere() }
        return id
    }

    func insertArticleAuthor(articleID: Int64, authorID: Int64, position: Int) throws {
        try session.execute(
            "INSERT INTO article_authors (article_id, author_id, position) VALUES (\(articleID), \(authorID), \(position))"
        )
    }

    func entityID(name: String, type: String) throws -> Int64? {
        try session.value("SELECT id FROM entities WHERE lower(name) = lower(\(name)) AND type = \(type)")
    }

    func entityIDs(knownAs name: String, type: String) throws -> Set<Int64> {
        try ids(
            """
            SELECT entity_id FROM entity_names JOIN entities ON entities.id = entity_id
             WHERE lower(entity_names.name) = lower(\(name)) AND type = \(type)
            """)
    }

    func entityIDs(type: String, namedAnyOf names: [String]) throws -> Set<Int64> {
        guard !names.isEmpty else { return [] }
        // Folded by the server on both sides: its lower() is the database's, not Swift's.
        return try ids(
            "SELECT id FROM entities WHERE type = \(type) AND lower(name) IN (SELECT lower(unnest(\(names))))")
    }

    func people(withSurname surname: String) throws -> [(id: Int64, name: String)] {
        try session.rows(
            """
            SELECT id, name FROM entities WHERE surname = \(surname) AND type = 'PERSON'
            """
        ).map { row in
            let (id, name) = try row.decode((Int64, String).self)
            return (id: id, name: name)
        }
    }

    func entityName(id: Int64) throws -> String? {
        try session.value("SELECT name FROM entities WHERE id = \(id)")
    }

    func insertEntity(name: String, type: String, firstSeenAt: String, articleID: Int64) throws -> Int64 {
        try inserted(
            """
            INSERT INTO entities (name, type, first_seen_at, first_article_id, surname)
            VALUES (\(name), \(type), \(firstSeenAt)::timestamptz, \(articleID), \(PersonName.surname(of: name, type: type)))
            ON CONFLICT (lower(name), type) DO NOTHING RETURNING id
            """, else: "SELECT id FROM entities WHERE lower(name) = lower(\(name)) AND type = \(type)")
    }

    func renameEntity(id: Int64, to name: String) throws {
        try session.execute(
            """
            UPDATE entities SET name = \(name), surname = CASE type WHEN 'PERSON' THEN \(PersonName(name).surname) END
             WHERE id = \(id)
            """)
    }

    func addEntityNames(_ names: [String], entityID: Int64) throws {
        for name in names {
            try session.execute(
                """
                INSERT INTO entity_names (name, entity_id) VALUES (\(name), \(entityID))
                ON CONFLICT (lower(name), entity_id) DO NOTHING
                """)
        }
    }

    func speakerID(named name: String) throws -> Int64? {
        try session.value(
            """
            SELECT id FROM entities WHERE lower(name) = lower(\(name))
             ORDER BY type = 'PERSON' DESC, id LIMIT 1
            """)
    }

    func insertArticleEntity(articleID: Int64, entityID: Int64, position: Int, name: String) throws -> Int64 {
        try session.rows(
            """
            INSERT INTO article_entities (article_id, entity_id, position, name)
            VALUES (\(articleID), \(entityID), \(position), \(name)) RETURNING id
            """)[0].decode(Int64.self)
    }

    func insertAlias(entityID: Int64, articleID: Int64, linkID: Int64, position: Int, alias: String) throws {
        try session.execute(
            """
            INSERT INTO entity_aliases (entity_id, article_id, article_entity_id, position, alias)
            VALUES (\(entityID), \(articleID), \(linkID), \(position), \(alias))
            """)
    }

    func insertRole(entityID: Int64, articleID: Int64, linkID: Int64, position: Int, role: String) throws {
        try session.execute(
            """
            INSERT INTO entity_roles (entity_id, article_id, article_entity_id, position, role)
            VALUES (\(entityID), \(articleID), \(linkID), \(position), \(role))
            """)
    }

    func insertMention(
        articleID: Int64, entityID: Int64, linkID: Int64, start: Int, end: Int, surface: String
    ) throws {
        try session.execute(
            """
            INSERT INTO mentions (article_id, entity_id, article_entity_id, start, "end", surface)
            VALUES (\(articleID), \(entityID), \(linkID), \(start), \(end), \(surface))
            """)
    }

    func insertQuote(articleID: Int64, position: Int, speakerEntityID: Int64?, quote: Quote) throws {
        try session.execute(
            """
            INSERT INTO quotes (article_id, position, speaker_entity_id, speaker, text, kind, start, "end")
            VALUES (\(articleID), \(position), \(speakerEntityID), \(quote.speaker), \(quote.text),
                    \(quote.kind.rawValue), \(quote.start), \(quote.end))
            """)
    }

    func insertDate(articleID: Int64, position: Int, date: DateMention) throws {
        try session.execute(
            """
            INSERT INTO dates (article_id, position, text, value, granularity, start, "end")
            VALUES (\(articleID), \(position), \(date.text), \(date.value), \(date.granularity.rawValue),
                    \(date.start), \(date.end))
            """)
    }

    func insertAmount(articleID: Int64, position: Int, amount: Amount) throws {
        try session.execute(
            """
            INSERT INTO amounts (article_id, position, text, value, currency, unit, start, "end")
            VALUES (\(articleID), \(position), \(amount.text), \(amount.value), \(amount.currency), \(amount.unit),
                    \(amount.start), \(amount.end))
            """)
    }

    func insertKeyphrase(articleID: Int64, rank: Int, keyphrase: Keyphrase) throws {
        try session.execute(
            """
            INSERT INTO keyphrases (article_id, rank, text, score)
            VALUES (\(articleID), \(rank), \(keyphrase.text), \(keyphrase.score))
            """)
    }

    /// The id an `INSERT … ON CONFLICT DO NOTHING RETURNING id` gave, or, when another
    /// transaction had the row first, the id `existing` reads.
    private func inserted(_ insert: PostgresQuery, else existing: PostgresQuery) throws -> Int64 {
        if let id = try session.value(insert, as: Int64.self) { return id }
        guard let id = try session.value(existing, as: Int64.self) else { throw StoredElsewhere() }
        return id
    }

    private func ids(_ query: PostgresQuery) throws -> Set<Int64> {
        Set(try session.rows(query).map { try $0.decode(Int64.self) })
    }
}

/// Another node stored the same article (or a row it keys on) in a transaction that committed
/// while this one ran: the caller starts again and finds it.
struct StoredElsewhere: Error {}
