import Foundation
import GRDB
import GazetteExtraction

/// ``IngestRows`` in SQLite, through one connection inside its transaction. The detail rows'
/// INSERTs are written out and their statements cached: an article has dozens of them, and GRDB's
/// Codable records (an encoder and a snake_case conversion per column per row) cost more than SQLite.
struct SQLiteRows: IngestRows {
    let db: Database

    func publicationID(_ name: String) throws -> Int64 {
        try PublicationName.id(name, in: db)
    }

    func authorID(_ name: String) throws -> Int64 {
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM authors WHERE name = ?"), arguments: [name])
        {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO authors (name) VALUES (?)").execute(arguments: [name])
        return db.lastInsertedRowID
    }

    func insertArticle(_ row: ArticleRow) throws -> Int64 {
        var row = row
        row.id = nil
        try row.insert(db)
        return row.id!
    }

    func insertArticleAuthor(articleID: Int64, authorID: Int64, position: Int) throws {
        try db.cachedStatement(sql: "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)")
            .execute(arguments: [articleID, authorID, position])
    }

    func entityID(name: String, type: String) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM entities WHERE name = ? AND type = ?"), arguments: [name, type])
    }

    func entityIDs(knownAs name: String, type: String) throws -> Set<Int64> {
        // CROSS JOIN keeps `entity_names` the outer loop: without statistics SQLite would rather
        // walk every entity of the type and probe `entity_names` for each.
        try Int64.fetchSet(
            db.cachedStatement(
                sql: """
                    SELECT entity_id FROM entity_names CROSS JOIN entities ON entities.id = entity_id
                     WHERE entity_names.name = ? AND type = ?
                    """), arguments: [name, type])
    }

    func entityIDs(type: String, namedAnyOf names: [String]) throws -> Set<Int64> {
        guard !names.isEmpty else { return [] }
        return try Int64.fetchSet(
            db,
            sql: "SELECT id FROM entities WHERE type = ? AND name IN (\(databaseQuestionMarks(count: names.count)))",
            arguments: StatementArguments([type] + names))
    }

    func people(withSurname surname: String) throws -> [(id: Int64, name: String)] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, name FROM entities WHERE surname = ? AND type = 'PERSON'"),
            arguments: [surname]
        ).map { row in (id: row["id"] as Int64, name: row["name"] as String) }
    }

    func entityName(id: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM entities WHERE id = ?"), arguments: [id])
    }

    func insertEntity(name: String, type: String, firstSeenAt: String, articleID: Int64) throws -> Int64 {
        try db.cachedStatement(
            sql: "INSERT INTO entities (name, type, first_seen_at, first_article_id, surname) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [name, type, firstSeenAt, articleID, PersonName.surname(of: name, type: type)])
        return db.lastInsertedRowID
    }

    func renameEntity(id: Int64, to name: String) throws {
        try db.execute(
            sql: "UPDATE entities SET name = ?, surname = CASE type WHEN 'PERSON' THEN ? END WHERE id = ?",
            arguments: [name, PersonName(name).surname, id])
    }

    func addEntityNames(_ names: [String], entityID: Int64) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO entity_names (name, entity_id) VALUES (?, ?)")
        for name in names { try statement.execute(arguments: [name, entityID]) }
    }

    func speakerID(named name: String) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM entities WHERE name = ? ORDER BY type = 'PERSON' DESC, id LIMIT 1"),
            arguments: [name])
    }

    func insertArticleEntity(articleID: Int64, entityID: Int64, position: Int, name: String) throws -> Int64 {
        try db.cachedStatement(
            sql: "INSERT INTO article_entities (article_id, entity_id, position, name) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [articleID, entityID, position, name])
        return db.lastInsertedRowID
    }

    func insertAlias(entityID: Int64, articleID: Int64, linkID: Int64, position: Int, alias: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO entity_aliases (entity_id, article_id, article_entity_id, position, alias)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [entityID, articleID, linkID, position, alias])
    }

    func insertRole(entityID: Int64, articleID: Int64, linkID: Int64, position: Int, role: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO entity_roles (entity_id, article_id, article_entity_id, position, role)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [entityID, articleID, linkID, position, role])
    }

    func insertMention(
        articleID: Int64, entityID: Int64, linkID: Int64, start: Int, end: Int, surface: String
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO mentions (article_id, entity_id, article_entity_id, start, "end", surface)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [articleID, entityID, linkID, start, end, surface])
    }

    func insertQuote(articleID: Int64, position: Int, speakerEntityID: Int64?, quote: Quote) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO quotes (article_id, position, speaker_entity_id, speaker, text, kind, start, "end")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                articleID, position, speakerEntityID, quote.speaker, quote.text, quote.kind.rawValue, quote.start,
                quote.end,
            ])
    }

    func insertDate(articleID: Int64, position: Int, date: DateMention) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO dates (article_id, position, text, value, granularity, start, "end")
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [articleID, position, date.text, date.value, date.granularity.rawValue, date.start, date.end])
    }

    func insertAmount(articleID: Int64, position: Int, amount: Amount) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO amounts (article_id, position, text, value, currency, unit, start, "end")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                articleID, position, amount.text, amount.value, amount.currency, amount.unit, amount.start, amount.end,
            ])
    }

    func insertKeyphrase(articleID: Int64, rank: Int, keyphrase: Keyphrase) throws {
        try db.cachedStatement(sql: "INSERT INTO keyphrases (article_id, rank, text, score) VALUES (?, ?, ?, ?)")
            .execute(arguments: [articleID, rank, keyphrase.text, keyphrase.score])
    }
}
