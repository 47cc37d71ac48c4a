import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// The articles ingested in `start..<end`, with their entities, direct quotes, amounts and
    /// dates to come, in one read transaction.
    ///
    /// Every query starts from `articles_on_ingested_at` and reaches the other tables through
    /// their `article_id` indexes, so the cost follows the window's size, not the store's.
    public func digestSlice(from start: Date, to end: Date) throws -> DigestSlice {
        try read("digest read") { db in
            let window = WindowQuery(start: start, end: end)
            return DigestSlice(
                articles: try window.articles(db),
                entityLinks: try window.entityLinks(db),
                quotes: try window.quotes(db),
                amounts: try window.amounts(db),
                dates: try window.dates(db))
        }
    }

    /// For each of `entityIDs`, the ingest times of the articles in `start..<end` that name it.
    public func entityArticleTimes(entityIDs: [Int64], from start: Date, to end: Date) throws -> [Int64: [Date]] {
        guard !entityIDs.isEmpty else { return [:] }
        return try read("entity history read") { db in
            // Two covering-index scans instead of a join: the articles of the period by
            // `articles_on_ingested_at`, then the entities' links by `article_entities_on_entity_id`
            // within that id range. Seconds since 1970 come from SQLite, cheaper than parsing text.
            var times: [Int64: Date] = [:]
            let articles = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, (julianday(ingested_at) - 2440587.5) * 86400.0 FROM articles
                     WHERE ingested_at >= ? AND ingested_at < ?
                    """, arguments: [Timestamp.string(start), Timestamp.string(end)])
            while let row = try articles.next() {
                let seconds: Double = row[1]
                times[row[0]] = Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
            }
            guard let first = times.keys.min(), let last = times.keys.max() else { return [:] }
            var result: [Int64: [Date]] = [:]
            let links = try Row.fetchCursor(
                db,
                sql: """
                    SELECT DISTINCT entity_id, article_id FROM article_entities
                     WHERE entity_id IN (\(databaseQuestionMarks(count: entityIDs.count))) AND article_id BETWEEN ? AND ?
                    """, arguments: StatementArguments(entityIDs + [first, last]))
            while let row = try links.next() {
                guard let time = times[row[1]] else { continue }
                result[row[0], default: []].append(time)
            }
            return result
        }
    }

    /// The entities named by the most articles ingested in `start..<end`, most first.
    public func topEntities(from start: Date, to end: Date, types: [EntityType], limit: Int) throws -> [DigestEntity] {
        try read("top entities read") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.name, e.type, e.first_seen_at, counts.n
                      FROM (SELECT ae.entity_id, COUNT(DISTINCT a.id) AS n
                              FROM articles a CROSS JOIN article_entities ae ON ae.article_id = a.id
                             WHERE a.ingested_at >= ? AND a.ingested_at < ?
                             GROUP BY ae.entity_id) AS counts
                      JOIN entities e ON e.id = counts.entity_id
                     WHERE e.type IN (\(databaseQuestionMarks(count: types.count)))
                     ORDER BY counts.n DESC, e.name
                     LIMIT ?
                    """,
                arguments: StatementArguments(
                    [Timestamp.string(start), Timestamp.string(end)] + types.map(\.rawValue) + [limit])
            ).map { row in
                DigestEntity(
                    id: row[0], name: row[1], type: EntityType(rawValue: row[2]) ?? .misc,
                    firstSeenAt: Timestamp.date(row[3]) ?? .distantPast, articles: row[4])
            }
        }
    }
}

/// The queries of one digest window; each runs inside the caller's read transaction.
private struct WindowQuery {
    let start: String
    let end: String

    init(start: Date, end: Date) {
        self.start = Timestamp.string(start)
        self.end = Timestamp.string(end)
    }

    var arguments: StatementArguments { [start, end] }

    /// Each row turned into a value as the statement steps: GRDB's `fetchAll` copies every row
    /// first, which cost more than SQLite on a busy day.
    private static func rows<T>(
        _ db: Database, sql: String, arguments: StatementArguments, _ transform: (Row) throws -> T
    ) throws -> [T] {
        var result: [T] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() { result.append(try transform(row)) }
        return result
    }

    static let ids = "SELECT id FROM articles WHERE ingested_at >= ? AND ingested_at < ?"

    func articles(_ db: Database) throws -> [DigestSlice.Article] {
        var authors: [Int64: [String]] = [:]
        for (key, value) in try Self.rows(
            db,
            sql: """
                SELECT article_id, authors.name FROM article_authors JOIN authors ON authors.id = author_id
                 WHERE article_id IN (\(Self.ids)) ORDER BY article_id, position
                """, arguments: arguments, { ($0[0] as Int64, $0[1] as String) })
        {
            authors[key, default: []].append(value)
        }
        var keyphrases: [Int64: [String]] = [:]
        for (key, value) in try Self.rows(
            db,
            sql: """
                SELECT article_id, text FROM keyphrases WHERE article_id IN (\(Self.ids)) ORDER BY article_id, rank
                """, arguments: arguments, { ($0[0] as Int64, $0[1] as String) })
        {
            keyphrases[key, default: []].append(value)
        }
        let decoder = JSONDecoder()
        return try Self.rows(
            db,
            sql: """
                SELECT a.id, a.title, p.name, a.published_at, a.ingested_at, a.archive_path, a.source_path,
                       a.simhash, a.summary, a.word_count, substr(a.body, 1, \(DigestSlice.leadLength)), a.published_source
                  FROM articles a LEFT JOIN publications p ON p.id = a.publication_id
                 WHERE a.ingested_at >= ? AND a.ingested_at < ?
                 ORDER BY a.ingested_at, a.id
                """, arguments: arguments
        ) { row in
            let id: Int64 = row[0]
            let summary: String = row[8]
            return DigestSlice.Article(
                id: id, title: row[1], publication: row[2], authors: authors[id] ?? [], publishedAt: row[3],
                ingestedAt: Timestamp.date(row[4]) ?? .distantPast, archivePath: row[5], sourcePath: row[6],
                simhash: UInt64(bitPattern: row[7]), lead: row[10], publishedSource: row[11],
                summary: (try? decoder.decode([String].self, from: Data(summary.utf8))) ?? [],
                keyphrases: keyphrases[id] ?? [], wordCount: row[9])
        }
    }

    func entityLinks(_ db: Database) throws -> [DigestSlice.EntityLink] {
        var roles: [Int64: [String]] = [:]
        for (key, value) in try Self.rows(
            db,
            sql: """
                SELECT article_entity_id, role FROM entity_roles
                 WHERE article_id IN (\(Self.ids)) ORDER BY article_entity_id, position
                """, arguments: arguments, { ($0[0] as Int64, $0[1] as String) })
        {
            roles[key, default: []].append(value)
        }
        return try Self.rows(
            db,
            sql: """
                SELECT ae.id, ae.article_id, ae.entity_id, e.name, e.type, e.first_seen_at,
                       (SELECT COUNT(*) FROM mentions m WHERE m.article_entity_id = ae.id) AS mentions
                  FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                 WHERE ae.article_id IN (\(Self.ids))
                 ORDER BY ae.article_id, ae.position
                """, arguments: arguments
        ) { row in
            DigestSlice.EntityLink(
                articleID: row[1], entityID: row[2], name: row[3], type: EntityType(rawValue: row[4]) ?? .misc,
                mentions: max(1, row[6] as Int),
                roles: roles[row[0]] ?? [], firstSeenAt: Timestamp.date(row[5]) ?? .distantPast)
        }
    }

    func quotes(_ db: Database) throws -> [DigestSlice.Quote] {
        try Self.rows(
            db,
            sql: """
                SELECT article_id, speaker, speaker_entity_id, text FROM quotes
                 WHERE article_id IN (\(Self.ids)) AND kind = 'direct' ORDER BY article_id, position
                """, arguments: arguments
        ) { row in
            DigestSlice.Quote(articleID: row[0], speaker: row[1], speakerEntityID: row[2], text: row[3])
        }
    }

    /// Body text around each span, cut in SQL (`substr` counts characters, as spans count scalars).
    private static func context(_ table: String) -> String {
        """
        substr(a.body, max(1, \(table).start - 149), \(table).start - max(0, \(table).start - 150)),
        substr(a.body, \(table).end + 1, 150)
        """
    }

    func amounts(_ db: Database) throws -> [DigestSlice.Amount] {
        try Self.rows(
            db,
            sql: """
                SELECT am.article_id, am.text, am.value, am.currency, am.unit, \(Self.context("am"))
                  FROM amounts am JOIN articles a ON a.id = am.article_id
                 WHERE am.article_id IN (\(Self.ids)) ORDER BY am.article_id, am.position
                """, arguments: arguments
        ) { row in
            DigestSlice.Amount(
                articleID: row[0], text: row[1], value: row[2], currency: row[3], unit: row[4],
                context: .init(before: row[5] ?? "", after: row[6] ?? ""))
        }
    }

    func dates(_ db: Database) throws -> [DigestSlice.DateMention] {
        try Self.rows(
            db,
            sql: """
                SELECT d.article_id, d.text, d.value, d.granularity, \(Self.context("d"))
                  FROM dates d JOIN articles a ON a.id = d.article_id
                 WHERE d.article_id IN (\(Self.ids)) AND d.granularity IN ('day', 'hour') AND d.value >= ?
                 ORDER BY d.value, d.article_id, d.position
                """, arguments: arguments + [String(end.prefix(10))]
        ) { row in
            DigestSlice.DateMention(
                articleID: row[0], text: row[1], value: row[2], granularity: row[3],
                context: .init(before: row[4] ?? "", after: row[5] ?? ""))
        }
    }
}
