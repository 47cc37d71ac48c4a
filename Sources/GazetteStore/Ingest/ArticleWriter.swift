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

    func insert(raw: [UInt8], receivedPath: String, receivedAt: String, in db: Database) throws -> Int64 {
        var article = ArticleRow(
            id: nil,
            sha256: record.source.sha256,
            raw: Data(raw),
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
            summary: try Self.json(record.summary))
        try article.insert(db)
        let articleID = article.id!
        try insertDetails(articleID: articleID, in: db)
        return articleID
    }

    /// Writes every row that hangs off the article row `articleID` (which must have none yet).
    func insertDetails(articleID: Int64, in db: Database) throws {
        for (position, name) in record.authors.enumerated() {
            let authorID = try namedID(AuthorRow.self, name, in: db)
            var row = ArticleAuthorRow(articleId: articleID, authorId: authorID, position: position)
            try row.insert(db)
        }

        let linker = EntityLinker(articleID: articleID, ingestedAt: ingestedAt)
        let scalars = Array(record.body.unicodeScalars)
        var entityIDs: [String: Int64] = [:]
        for (position, entity) in record.entities.enumerated() {
            let entityID = try linker.entityID(for: entity, in: db)
            try linker.remember(entity, as: entityID, in: db)
            entityIDs[entity.name] = entityIDs[entity.name] ?? entityID
            var link = ArticleEntityRow(
                id: nil, articleId: articleID, entityId: entityID, position: position, name: entity.name)
            try link.insert(db)
            let linkID = link.id!
            for (index, alias) in entity.aliases.enumerated() {
                var row = EntityAliasRow(
                    entityId: entityID, articleId: articleID, articleEntityId: linkID, position: index, alias: alias)
                try row.insert(db)
            }
            let roles = try linker.takesRoles(of: entity, linkedTo: entityID, in: db) ? entity.roles : []
            for (index, role) in roles.enumerated() {
                var row = EntityRoleRow(
                    entityId: entityID, articleId: articleID, articleEntityId: linkID, position: index, role: role)
                try row.insert(db)
            }
            for span in entity.mentions {
                var row = MentionRow(
                    articleId: articleID, entityId: entityID, articleEntityId: linkID,
                    start: span.start, end: span.end, surface: Self.slice(scalars, span.start, span.end))
                try row.insert(db)
            }
        }

        for (position, quote) in record.quotes.enumerated() {
            var row = QuoteRow(
                articleId: articleID, position: position,
                speakerEntityId: try quote.speaker.flatMap { try entityIDs[$0] ?? speakerID(named: $0, in: db) },
                speaker: quote.speaker, text: quote.text, kind: quote.kind.rawValue, start: quote.start, end: quote.end)
            try row.insert(db)
        }
        for (position, date) in record.dates.enumerated() {
            var row = DateMentionRow(
                articleId: articleID, position: position, text: date.text, value: date.value,
                granularity: date.granularity.rawValue, start: date.start, end: date.end)
            try row.insert(db)
        }
        for (position, amount) in record.amounts.enumerated() {
            var row = AmountRow(
                articleId: articleID, position: position, text: amount.text, value: amount.value,
                currency: amount.currency, unit: amount.unit, start: amount.start, end: amount.end)
            try row.insert(db)
        }
        for (index, keyphrase) in record.keyphrases.enumerated() {
            var row = KeyphraseRow(articleId: articleID, rank: index + 1, text: keyphrase.text, score: keyphrase.score)
            try row.insert(db)
        }
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
