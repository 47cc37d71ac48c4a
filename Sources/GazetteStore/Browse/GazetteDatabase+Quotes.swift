import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// Stored quotes, most recently ingested articles first and in text order within one.
    ///
    /// - Parameters:
    ///   - speaker: keep only quotes by the entities ``EntityNames`` finds for this name, or, when
    ///     no entity has it, by speakers recorded under exactly this name (case-insensitive).
    ///   - kinds: keep only these kinds; empty keeps all.
    public func quotes(
        speaker: String? = nil, kinds: Set<Quote.Kind> = [], window: TimeWindow = .always, limit: Int = 50
    ) throws -> [StoredQuote] {
        try read("quote listing") { db in
            var conditions: [SQL] = []
            if let speaker {
                let ids = try EntityNames.ids(matching: speaker, in: db)
                conditions.append(
                    ids.isEmpty
                        ? "q.speaker = \(speaker) COLLATE NOCASE"
                        : "q.speaker_entity_id IN \(ids)")
            }
            if !kinds.isEmpty { conditions.append("q.kind IN \(kinds.map(\.rawValue).sorted())") }
            if let window = window.condition(on: "a") { conditions.append(window) }
            let filter: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
            let request: SQL = """
                SELECT q.id, q.article_id, q.text, q.speaker, q.kind, a.title, p.name AS publication, a.published_at,
                       (SELECT r.role FROM entity_roles r
                         WHERE r.article_id = q.article_id AND r.entity_id = q.speaker_entity_id
                         ORDER BY r.article_entity_id, r.position LIMIT 1) AS role
                  FROM quotes q
                  JOIN articles a ON a.id = q.article_id
                  LEFT JOIN publications p ON p.id = a.publication_id
                  \(filter)
                 ORDER BY q.article_id DESC, q.position
                 LIMIT \(max(0, limit))
                """
            return try Row.fetchAll(db, SQLRequest(literal: request)).map { row in
                let kindName: String = row["kind"]
                guard let kind = Quote.Kind(rawValue: kindName) else {
                    throw StoreError.invalidStoredValue(
                        table: "quotes", column: "kind", rowID: row["id"], value: kindName)
                }
                return StoredQuote(
                    articleID: row["article_id"], text: row["text"], speaker: row["speaker"], role: row["role"],
                    kind: kind, title: row["title"], publication: row["publication"], publishedAt: row["published_at"])
            }
        }
    }
}
