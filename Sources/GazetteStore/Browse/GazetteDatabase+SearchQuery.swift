import Foundation
import GRDB

extension GazetteDatabase {
    /// Full-text search over titles and bodies with the query syntax of ``SearchPattern`` and
    /// filters, best matches first.
    ///
    /// Throws ``SearchSyntaxError`` when the query text cannot be understood, before touching
    /// the database, and ``StoreError`` otherwise.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        let pattern = try SearchPattern(parsing: query.text)
        return try read("search") { db in
            var conditions: [SQL] = ["article_fts MATCH \(pattern.expression)"]
            if let window = query.window.condition(on: "a") { conditions.append(window) }
            if let entity = query.entity {
                let ids = try EntityNames.ids(matching: entity, in: db)
                if ids.isEmpty { return [] }
                conditions.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN \(ids))")
            }
            if let publication = query.publication {
                conditions.append(
                    "a.publication_id IN (SELECT id FROM publications WHERE name = \(publication) COLLATE NOCASE)")
            }
            let request: SQL = """
                SELECT a.id, a.title, p.name AS publication, a.published_at, a.ingested_at,
                       snippet(article_fts, 1, \(query.highlight.open), \(query.highlight.close), '…', 24) AS snippet,
                       bm25(article_fts, \(Self.titleWeight), 1.0) AS rank
                  FROM article_fts
                  JOIN articles a ON a.id = article_fts.rowid
                  LEFT JOIN publications p ON p.id = a.publication_id
                 WHERE \(conditions.joined(separator: " AND "))
                 ORDER BY rank, a.id DESC
                 LIMIT \(max(0, query.limit))
                """
            return try Row.fetchAll(db, SQLRequest(literal: request)).map { row in
                SearchHit(
                    id: row["id"], title: row["title"], publication: row["publication"],
                    publishedAt: row["published_at"], ingestedAt: Timestamp.date(row["ingested_at"]) ?? .distantPast,
                    snippet: row["snippet"] ?? "", rank: row["rank"])
            }
        }
    }

    /// How much more a match in the title counts than one in the body.
    static let titleWeight = 5.0
}
