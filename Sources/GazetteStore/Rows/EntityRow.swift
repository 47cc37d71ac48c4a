import GRDB

/// A row of `entities`: one real-world entity shared by every article that mentions it.
struct EntityRow: IdentifiedStoreRow {
    static let databaseTableName = "entities"

    var id: Int64?
    var name: String
    var type: String
    var firstSeenAt: String
    var firstArticleId: Int64?

}
