import GRDB

/// A row of `entity_aliases`: a surface form one article used for an entity.
struct EntityAliasRow: IdentifiedStoreRow {
    static let databaseTableName = "entity_aliases"

    var id: Int64?
    var entityId: Int64
    var articleId: Int64
    var articleEntityId: Int64
    var position: Int
    var alias: String
}
