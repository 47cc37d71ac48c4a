import GRDB

/// A row of `mentions`: one place in one article's body that names an entity.
struct MentionRow: IdentifiedStoreRow {
    static let databaseTableName = "mentions"

    var id: Int64?
    var articleId: Int64
    var entityId: Int64
    var articleEntityId: Int64
    var start: Int
    var end: Int
    /// The body text at `start..<end`, so queries need not slice the body.
    var surface: String
}
