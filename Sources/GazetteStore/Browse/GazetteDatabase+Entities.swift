import Foundation
import GRDB
import GazetteExtraction

extension GazetteDatabase {
    /// The most mentioned entities in the articles of `window`, of one type or all, most
    /// mentioned first, with their aliases and roles.
    public func entityTallies(
        type: EntityType? = nil, window: TimeWindow = .always, top: Int = 20
    ) throws -> [EntityTally] {
        try read("entity listing") { db in
            var joins: SQL = ""
            var conditions: [SQL] = []
            if let type { conditions.append("e.type = \(type.rawValue)") }
            if let window = window.condition(on: "a") {
                joins = "JOIN articles a ON a.id = ae.article_id"
                conditions.append(window)
            }
            let filter: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
            let request: SQL = """
                SELECT e.id, e.name, e.type, e.first_seen_at,
                       COUNT(DISTINCT ae.article_id) AS articles,
                       SUM((SELECT COUNT(*) FROM mentions m WHERE m.article_entity_id = ae.id)) AS mentions
                  FROM article_entities ae
                  JOIN entities e ON e.id = ae.entity_id
                  \(joins)
                  \(filter)
                 GROUP BY e.id
                 ORDER BY mentions DESC, articles DESC, e.name
                 LIMIT \(max(0, top))
                """
            return try Row.fetchAll(db, SQLRequest(literal: request)).map { row in
                let id: Int64 = row["id"]
                let name: String = row["name"]
                let typeName: String = row["type"]
                guard let type = EntityType(rawValue: typeName) else {
                    throw StoreError.invalidStoredValue(table: "entities", column: "type", rowID: id, value: typeName)
                }
                return EntityTally(
                    id: id, name: name, type: type, mentions: row["mentions"], articles: row["articles"],
                    aliases: try Self.mostUsed("alias", in: "entity_aliases", of: id, except: name, in: db),
                    roles: try Self.mostUsed("role", in: "entity_roles", of: id, except: nil, in: db),
                    firstSeenAt: Timestamp.date(row["first_seen_at"]) ?? .distantPast)
            }
        }
    }

    /// How many of an entity's aliases or roles a listing shows.
    static let namesShown = 5

    /// The distinct values of `column` recorded for an entity, most frequent first,
    /// case-insensitively distinct and leaving out `except`.
    private static func mostUsed(
        _ column: String, in table: String, of entityID: Int64, except: String?, in db: Database
    ) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT \(column) FROM \(table)
                 WHERE entity_id = ? AND \(column) <> ? COLLATE NOCASE
                 GROUP BY \(column) COLLATE NOCASE
                 ORDER BY COUNT(*) DESC, MIN(id)
                 LIMIT ?
                """, arguments: [entityID, except ?? "", namesShown])
    }
}
