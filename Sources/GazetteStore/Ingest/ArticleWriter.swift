import Foundation
import GazetteExtraction

/// Writes the rows of one article's record: the article itself, its publication and authors,
/// entities (linked across articles), mentions, quotes, dates, amounts and keyphrases.
///
/// Runs inside the caller's transaction, through ``IngestRows``: the same for SQLite and PostgreSQL.
package struct ArticleWriter {
    let record: ExtractionRecord
    let ingestedAt: String

    package init(record: ExtractionRecord, ingestedAt: String) {
        self.record = record
        self.ingestedAt = ingestedAt
    }

    /// The key of an article in `articles.sha256`: the file's SHA-256 for a file of one article;
    /// for a part of a file that holds several, the hex SHA-256 of the UTF-8 text
    /// `<file's SHA-256> <part>` (e.g. `9f86… item 3`), unique and the same each time.
    package static func key(_ source: ExtractionRecord.Source) -> String {
        guard let part = source.part else { return source.sha256 }
        return SHA256.hex(of: Array("\(source.sha256) \(part)".utf8))
    }

    /// Inserts the article row and its details; `raw` is nil for the second and later articles
    /// of a file, whose bytes the first one keeps.
    package func insert(
        raw: [UInt8]?, receivedPath: String, receivedAt: String, archivePath: String? = nil,
        into rows: some IngestRows
    ) throws -> Int64 {
        let article = ArticleRow(
            id: nil,
            sha256: Self.key(record.source),
            raw: raw.map { Data($0) },
            receivedPath: receivedPath,
            receivedAt: receivedAt,
            archivePath: archivePath,
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
            publicationId: try record.publication.map(rows.publicationID),
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
        let articleID = try rows.insertArticle(article)
        try insertDetails(articleID: articleID, into: rows)
        return articleID
    }

    /// Writes every row that hangs off the article row `articleID` (which must have none yet).
    package func insertDetails(articleID: Int64, into rows: some IngestRows) throws {
        for (position, name) in record.authors.enumerated() {
            try rows.insertArticleAuthor(articleID: articleID, authorID: try rows.authorID(name), position: position)
        }

        let linker = EntityLinker(articleID: articleID, ingestedAt: ingestedAt)
        // Mentions lie in the analysed start of the body: only the scalars up to the last one are
        // decoded (4 bytes each; a 20 MB body would take 80 MB).
        let end = record.entities.lazy.flatMap(\.mentions).map(\.end).max() ?? 0
        let scalars = Array(record.body.unicodeScalars.prefix(end))
        var entityIDs: [String: Int64] = [:]
        for (position, entity) in record.entities.enumerated() {
            let entityID = try linker.entityID(for: entity, in: rows)
            try rows.addEntityNames([entity.name] + entity.aliases, entityID: entityID)
            entityIDs[entity.name] = entityIDs[entity.name] ?? entityID
            let linkID = try rows.insertArticleEntity(
                articleID: articleID, entityID: entityID, position: position, name: entity.name)
            for (index, name) in entity.aliases.enumerated() {
                try rows.insertAlias(
                    entityID: entityID, articleID: articleID, linkID: linkID, position: index, alias: name)
            }
            let roles = try linker.takesRoles(of: entity, linkedTo: entityID, in: rows) ? entity.roles : []
            for (index, text) in roles.enumerated() {
                try rows.insertRole(
                    entityID: entityID, articleID: articleID, linkID: linkID, position: index, role: text)
            }
            for span in entity.mentions {
                try rows.insertMention(
                    articleID: articleID, entityID: entityID, linkID: linkID, start: span.start, end: span.end,
                    surface: Self.slice(scalars, span.start, span.end))
            }
        }

        for (position, quote) in record.quotes.enumerated() {
            let speakerEntityID = try quote.speaker.flatMap { try entityIDs[$0] ?? rows.speakerID(named: $0) }
            try rows.insertQuote(
                articleID: articleID, position: position, speakerEntityID: speakerEntityID, quote: quote)
        }
        for (position, date) in record.dates.enumerated() {
            try rows.insertDate(articleID: articleID, position: position, date: date)
        }
        for (position, amount) in record.amounts.enumerated() {
            try rows.insertAmount(articleID: articleID, position: position, amount: amount)
        }
        for (index, keyphrase) in record.keyphrases.enumerated() {
            try rows.insertKeyphrase(articleID: articleID, rank: index + 1, keyphrase: keyphrase)
        }
    }

    /// The body text at scalar offsets `start..<end`, or empty when the offsets are out of range.
    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        guard 0 <= start, start <= end, end <= scalars.count else { return "" }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return String(text)
    }

    package static func json(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }
}
