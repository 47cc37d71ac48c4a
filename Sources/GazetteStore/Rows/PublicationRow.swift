import GRDB

/// A row of `publications`: one distinct name.
struct PublicationRow: IdentifiedStoreRow {
    static let databaseTableName = "publications"

    var id: Int64?
    var name: String

}
