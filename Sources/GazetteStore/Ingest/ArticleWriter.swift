import Foundation
import GRDB
import GazetteExtraction

/// Writes the rows of one article's record: the article itself, its publication and authors,
/// entities (linked across articles), mentions, quotes, dates, amounts and keyphrases.
///
/// Runs inside the caller's transaction.
struct ArticleWriter {
    let record: ExtractionRecord
    let ingestedAt: String

    /// The key of an article in `articles.sha256`: the file's SHA-256 for a file of one article;
    /// for a part of a file that holds several, the hex SHA-256 of the UTF-8 text
    /// `<file's SHA-256> <part>` (e.g. `9f86… item 3`), unique and the same each time.
    static func key(_ source: ExtractionRecord.Source) -> String {
        guard let part = source.part else { return source.sha256 }
        return SHA256.hex(of: Array("\(source.sha256) \(part)".utf8))
    }

    /// Inserts the article row and its details; `raw` is nil for the second and later articles
    /// of a file, whose bytes the first one keeps.
    func insert(raw: [UInt8]?, receivedPath: String, receivedAt: String, in db: Database) throws -> Int64 {
        var article = ArticleRow(
            id: nil,
            sha256: Self.key(record.source),
            raw: raw.map { Data($0) },
            receivedPath: receivedPath,
            receivedAt: receivedAt,
            archivePath: nil,
            ingestedAt: ingestedAt,
            processedAt: ingestedAt,
            recordSchema: record.schema,
            sourcePath: record.source.path,
            sourceFormat: record.source.format.rawValue,
            sourceEncoding: record.source.encoding,
            sourceBytes: record.source.bytes,
            title: record.title,
            titleSource: record.titleSource?.rawValue,
            authorRole: record.authorRole,
            publicationId: try record.publication.map { try PublicationName.id($0, in: db) },
            publishedAt: record.publishedAt,
            publishedSource: record.publishedSource?.rawValue,
            language: record.language,
            body: record.body,
            wordCount: record.wordCount,
            tone: record.tone,
            simhash: UInt64(record.simhash, radix: 16).map { Int64(bitPattern: $0) } ?? 0,
            simhashHex: record.simhash,
            pipelineVersion: record.pipeline,
            summary: try Self.json(record.summary),
            part: record.source.part,
            fileSha256: record.source.part == nil ? nil : record.source.sha256,
            authorSource: record.authorSource?.rawValue)
        try article.insert(db)
        let articleID = article.id!
        try insertDetails(articleID: articleID, in: db)
        return articleID
    }

    /// Writes every row that hangs off the article row `articleID` (which must have none yet).
    func insertDetails(articleID: Int64, in db: Database) throws {
        for (position, name) in record.authors.enumerated() {
            let authorID = try namedID(AuthorRow.self, name, in: db)
            try db.cachedStatement(sql: Insert.articleAuthor).execute(arguments: [articleID, authorID, position])
        }

        let linker = EntityLinker(articleID: articleID, ingestedAt: ingestedAt)
        // Mentions lie in the analysed start of the body: only the scalars up to the last one are
        // decoded (4 bytes each; a 20 MB body would take 80 MB).
        let end = record.entities.lazy.flatMap(\.mentions).map(\.end).max() ?? 0
        let scalars = Array(record.body.unicodeScalars.prefix(end))
        var entityIDs: [String: Int64] = [:]
        for (position, entity) in record.entities.enumerated() {
            let entityID = try linker.entityID(for: entity, in: db)
            try linker.remember(entity, as: entityID, in: db)
            entityIDs[entity.name] = entityIDs[entity.name] ?? entityID
            try db.cachedStatement(sql: Insert.articleEntity).execute(
                arguments: [articleID, entityID, position, entity.name])
            let linkID = db.lastInsertedRowID
            let alias = try db.cachedStatement(sql: Insert.alias)
            for (index, name) in entity.aliases.enumerated() {
                try alias.execute(arguments: [entityID, articleID, linkID, index, name])
            }
            let roles = try linker.takesRoles(of: entity, linkedTo: entityID, in: db) ? entity.roles : []
            let role = try db.cachedStatement(sql: Insert.role)
            for (index, text) in roles.enumerated() {
                try role.execute(arguments: [entityID, articleID, linkID, index, text])
            }
            let mention = try db.cachedStatement(sql: Insert.mention)
            for span in entity.mentions {
                try mention.execute(
                    arguments: [
                        articleID, entityID, linkID, span.start, span.end, Self.slice(scalars, span.start, span.end),
                    ])
            }
        }

        for (position, quote) in record.quotes.enumerated() {
            let speakerEntityID = try quote.speaker.flatMap { try entityIDs[$0] ?? speakerID(named: $0, in: db) }
            try db.cachedStatement(sql: Insert.quote).execute(
                arguments: [
                    articleID, position, speakerEntityID, quote.speaker, quote.text, quote.kind.rawValue, quote.start,
                    quote.end,
                ])
        }
        for (position, date) in record.dates.enumerated() {
            try db.cachedStatement(sql: Insert.date).execute(
                arguments: [
                    articleID, position, date.text, date.value, date.granularity.rawValue, date.start, date.end,
                ])
        }
        for (position, amount) in record.amounts.enumerated() {
            try db.cachedStatement(sql: Insert.amount).execute(
                arguments: [
                    articleID, position, amount.text, amount.value, amount.currency, amount.unit, amount.start,
                    amount.end,
                ])
        }
        for (index, keyphrase) in record.keyphrases.enumerated() {
            try db.cachedStatement(sql: Insert.keyphrase).execute(
                arguments: [articleID, index + 1, keyphrase.text, keyphrase.score])
        }
    }

    /// The detail rows' INSERTs, written out: an article has dozens of them, and GRDB's Codable
    /// records (an encoder and a snake_case conversion per column per row) cost more than SQLite.
    private enum Insert {
        static let articleAuthor = "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)"
        static let articleEntity =
            "INSERT INTO article_entities (article_id, entity_id, position, name) VALUES (?, ?, ?, ?)"
        static let alias = """
            INSERT INTO entity_aliases (entity_id, article_id, article_entity_id, position, alias)
            VALUES (?, ?, ?, ?, ?)
            """
        static let role = """
            INSERT INTO entity_roles (entity_id, article_id, article_entity_id, position, role)
            VALUES (?, ?, ?, ?, ?)
            """
        static let mention = """
            INSERT INTO mentions (article_id, entity_id, article_entity_id, start, "end", surface)
            VALUES (?, ?, ?, ?, ?, ?)
            """
        static let quote = """
            INSERT INTO quotes (article_id, position, speaker_entity_id, speaker, text, kind, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let date = """
            INSERT INTO dates (article_id, position, text, value, granularity, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """
        static let amount = """
            INSERT INTO amounts (article_id, position, text, value, currency, unit, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let keyphrase = "INSERT INTO keyphrases (article_id, rank, text, score) VALUES (?, ?, ?, ?)"
    }

    /// A speaker the record names but does not list as an entity: a stored person of that name.
    private func speakerID(named name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM entities WHERE name = ? ORDER BY type = 'PERSON' DESC, id LIMIT 1"),
            arguments: [name])
    }

    /// The id of the row named `name` in `Row`'s table (`authors`), inserted if missing.
    func namedID<Row: IdentifiedStoreRow>(_: Row.Type, _ name: String, in db: Database) throws -> Int64 {
        let table = Row.databaseTableName
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM \(table) WHERE name = ?"), arguments: [name])
        {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO \(table) (name) VALUES (?)").execute(arguments: [name])
        return db.lastInsertedRowID
    }

    /// The body text at scalar offsets `start..<end`, or empty when the offsets are out of range.
    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        guard 0 <= start, start <= end, end <= scalars.count else { return "" }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return String(text)
    }

    static func json(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }
}
