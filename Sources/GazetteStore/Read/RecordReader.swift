import Foundation
import GRDB
import GazetteExtraction

/// Rebuilds an ``ExtractionRecord`` from an article's rows: the inverse of ``ArticleWriter``.
struct RecordReader {
    let db: Database

    func record(id: Int64) throws -> ExtractionRecord? {
        guard let article = try ArticleRow.fetchOne(db, key: id) else { return nil }
        var record = ExtractionRecord(
            source: .init(
                path: article.sourcePath,
                sha256: article.fileSha256 ?? article.sha256,
                format: try decode(article.sourceFormat, "articles", "source_format", id),
                encoding: article.sourceEncoding,
                bytes: article.sourceBytes,
                part: article.part))
        record.schema = article.recordSchema
        record.title = article.title
        record.titleSource = try article.titleSource.map { try decode($0, "articles", "title_source", id) }
        record.authorSource = try article.authorSource.map { try decode($0, "articles", "author_source", id) }
        record.authorRole = article.authorRole
        record.publication = try article.publicationId.flatMap {
            try String.fetchOne(db, sql: "SELECT name FROM publications WHERE id = ?", arguments: [$0])
        }
        record.publishedAt = article.publishedAt
        record.publishedSource = try article.publishedSource.map { try decode($0, "articles", "published_source", id) }
        record.language = article.language
        record.body = article.body
        record.wordCount = article.wordCount
        record.tone = article.tone
        record.simhash = article.simhashHex
        record.pipeline = article.pipelineVersion
        record.summary = (try? JSONDecoder().decode([String].self, from: Data(article.summary.utf8))) ?? []
        record.authors = try String.fetchAll(
            db,
            sql: """
                SELECT authors.name FROM article_authors JOIN authors ON authors.id = author_id
                 WHERE article_id = ? ORDER BY position
                """, arguments: [id])
        record.entities = try entities(articleID: id)
        record.quotes = try QuoteRow.fetchAll(
            db, sql: "SELECT * FROM quotes WHERE article_id = ? ORDER BY position", arguments: [id]
        ).map { row in
            Quote(
                text: row.text, speaker: row.speaker, kind: try decode(row.kind, "quotes", "kind", row.id!),
                start: row.start, end: row.end)
        }
        record.dates = try DateMentionRow.fetchAll(
            db, sql: "SELECT * FROM dates WHERE article_id = ? ORDER BY position", arguments: [id]
        ).map { row in
            DateMention(
                text: row.text, value: row.value,
                granularity: try decode(row.granularity, "dates", "granularity", row.id!),
                start: row.start, end: row.end)
        }
        record.amounts = try AmountRow.fetchAll(
            db, sql: "SELECT * FROM amounts WHERE article_id = ? ORDER BY position", arguments: [id]
        ).map { row in
            Amount(
                text: row.text, value: row.value, currency: row.currency, unit: row.unit, start: row.start, end: row.end
            )
        }
        record.keyphrases = try KeyphraseRow.fetchAll(
            db, sql: "SELECT * FROM keyphrases WHERE article_id = ? ORDER BY rank", arguments: [id]
        ).map { Keyphrase(text: $0.text, score: $0.score) }
        return record
    }

    private func entities(articleID: Int64) throws -> [Entity] {
        let links = try ArticleEntityRow.fetchAll(
            db, sql: "SELECT * FROM article_entities WHERE article_id = ? ORDER BY position", arguments: [articleID])
        let types = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT entities.id, entities.type FROM article_entities
                      JOIN entities ON entities.id = entity_id WHERE article_id = ?
                    """, arguments: [articleID]
            ).map { row -> (Int64, String) in (row["id"], row["type"]) })
        let aliases = try Dictionary(
            grouping: EntityAliasRow.fetchAll(
                db, sql: "SELECT * FROM entity_aliases WHERE article_id = ? ORDER BY article_entity_id, position",
                arguments: [articleID]), by: \.articleEntityId)
        let roles = try Dictionary(
            grouping: EntityRoleRow.fetchAll(
                db, sql: "SELECT * FROM entity_roles WHERE article_id = ? ORDER BY article_entity_id, position",
                arguments: [articleID]), by: \.articleEntityId)
        let mentions = try Dictionary(
            grouping: MentionRow.fetchAll(
                db, sql: "SELECT * FROM mentions WHERE article_id = ? ORDER BY article_entity_id, id",
                arguments: [articleID]), by: \.articleEntityId)
        return try links.map { link in
            let linkID = link.id!
            return Entity(
                name: link.name,
                type: try decode(types[link.entityId] ?? "", "entities", "type", link.entityId),
                aliases: aliases[linkID, default: []].map(\.alias),
                roles: roles[linkID, default: []].map(\.role),
                mentions: mentions[linkID, default: []].map { Span(start: $0.start, end: $0.end) })
        }
    }

    private func decode<Value: RawRepresentable<String>>(
        _ text: String, _ table: String, _ column: String, _ rowID: Int64
    ) throws -> Value {
        guard let value = Value(rawValue: text) else {
            throw StoreError.invalidStoredValue(table: table, column: column, rowID: rowID, value: text)
        }
        return value
    }
}
