import Foundation
import GRDB

extension GazetteDatabase {
    /// Articles whose title or body contain every word of `text` (stemmed, case and accents
    /// ignored), best match first.
    ///
    /// The user's text never reaches `MATCH` as FTS5 syntax: it is turned into a pattern of
    /// plain tokens, so it cannot fail to parse. Text with no searchable word matches nothing.
    public func search(
        _ text: String, limit: Int = 20, highlight: (open: String, close: String) = ("[", "]")
    ) throws -> [SearchHit] {
        try read("search") { db in
            guard let pattern = FTS5Pattern(matchingAllTokensIn: text) else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT articles.id, articles.title, publications.name AS publication,
                       articles.published_at, articles.ingested_at,
                       snippet(article_fts, -1, ?, ?, '…', 16) AS snippet,
                       bm25(article_fts, 5.0, 1.0) AS rank
                  FROM article_fts
                  JOIN articles ON articles.id = article_fts.rowid
                  LEFT JOIN publications ON publications.id = articles.publication_id
                 WHERE article_fts MATCH ?
                 ORDER BY rank
                 LIMIT ?
                """, arguments: [highlight.open, highlight.close, pattern, max(0, limit)]
            ).map { row in
                SearchHit(
                    id: row["id"], title: row["title"], publication: row["publication"],
                    publishedAt: row["published_at"],
                    ingestedAt: Timestamp.date(row["ingested_at"]) ?? .distantPast,
                    snippet: row["snippet"], rank: row["rank"])
            }
        }
    }
}
