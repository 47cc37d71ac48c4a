import GRDB

/// A row of `entity_roles`: a title or role one article gave an entity.
struct EntityRoleRow: IdentifiedStoreRow {
    static let databaseTableName = "entity_roles"

    var id: Int64?
    var entityId: Int64
    var articleId: Int64
    var articleEntityId: Int64
    var position: Int
    var role: String
}
