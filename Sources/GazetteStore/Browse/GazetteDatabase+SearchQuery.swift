import Foundation
import GRDB

extension GazetteDatabase {
    /// Full-text search over titles and bodies with the query syntax of ``SearchPattern`` and
    /// filters, best matches first — among the newest articles when they fill the page (see
    /// ``SearchQuery/recencyTiers``).
    ///
    /// Throws ``SearchSyntaxError`` when the query text cannot be understood, before touching
    /// the database, and ``StoreError`` otherwise.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        let pattern = try SearchPattern(parsing: query.text)
        return try read("search") { db in
            var filters: [SQL] = []
            if let window = query.window.condition(on: "a") { filters.append(window) }
            if let entity = query.entity {
                let ids = try EntityNames.ids(matching: entity, in: db)
                if ids.isEmpty { return [] }
                filters.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN \(ids))")
            }
            if let publication = query.publication {
                filters.append(
                    "a.publication_id IN (SELECT id FROM publications WHERE \(PublicationName.condition(publication)))")
            }
            let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM articles") ?? 0
            for tier in query.recencyTiers.sorted() where newest > tier {
                let hits = try ranked(db, query, pattern, filters, above: newest - Int64(tier))
                if hits.count >= query.limit { return hits }
            }
            return try ranked(db, query, pattern, filters, above: nil)
        }
    }

    /// The best `query.limit` matches meeting `filters` (on `articles a`) with ids above `floor`,
    /// with snippets.
    private func ranked(
        _ db: Database, _ query: SearchQuery, _ pattern: SearchPattern, _ filters: [SQL], above floor: Int64?
    ) throws -> [SearchHit] {
        var conditions: [SQL] = ["article_fts MATCH \(pattern.expression)"] + filters
        // FTS5 seeks its doclists to a rowid bound, so ranking costs what the tier holds.
        if let floor { conditions.append("article_fts.rowid > \(floor)") }
        // Ranks first, over the matches alone, and makes snippets only for the hits kept:
        // SQLite would otherwise build a snippet for every match before sorting.
        let joinArticles: SQL = filters.isEmpty ? "" : "JOIN articles a ON a.id = article_fts.rowid"
        let request: SQL = """
            WITH top AS (
                SELECT article_fts.rowid AS id, bm25(article_fts, \(Self.titleWeight), 1.0) AS rank
                  FROM article_fts \(joinArticles)
                 WHERE \(conditions.joined(separator: " AND "))
                 ORDER BY rank, article_fts.rowid DESC
                 LIMIT \(max(0, query.limit)))
            SELECT a.id, a.title, p.name AS publication, a.published_at, a.ingested_at,
                   snippet(article_fts, 1, \(query.highlight.open), \(query.highlight.close), '…', 24) AS snippet,
                   top.rank
              FROM top
              JOIN article_fts ON article_fts.rowid = top.id
              JOIN articles a ON a.id = top.id
              LEFT JOIN publications p ON p.id = a.publication_id
             WHERE article_fts MATCH \(pattern.expression)
             ORDER BY top.rank, a.id DESC
            """
        return try Row.fetchAll(db, SQLRequest(literal: request)).map { row in
            SearchHit(
                id: row["id"], title: row["title"], publication: row["publication"],
                publishedAt: row["published_at"], ingestedAt: Timestamp.date(row["ingested_at"]) ?? .distantPast,
                snippet: row["snippet"] ?? "", rank: row["rank"])
        }
    }

    /// How much more a match in the title counts than one in the body.
    static let titleWeight = 5.0
}
