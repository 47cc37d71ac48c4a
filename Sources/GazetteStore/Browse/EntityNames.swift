import GRDB

/// Finds the stored entities a user means by a name.
enum EntityNames {
    /// The entities whose canonical name is `name` (or that an article named so), or, when
    /// there are none, those known by `name` as an alias; case-insensitive.
    ///
    /// Canonical names win so that `Johnson` finds an entity called `Johnson` rather than every
    /// Johnson ever shortened so.
    static func ids(matching name: String, in db: Database) throws -> [Int64] {
        let canonical = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM entities WHERE name = ?
                UNION SELECT entity_id FROM article_entities WHERE name = ?
                """, arguments: [name, name])
        if !canonical.isEmpty { return canonical }
        return try Int64.fetchAll(
            db, sql: "SELECT DISTINCT entity_id FROM entity_aliases WHERE alias = ?", arguments: [name])
    }
}
