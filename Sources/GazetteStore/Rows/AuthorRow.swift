import GRDB

/// A row of `authors`: one distinct name.
struct AuthorRow: IdentifiedStoreRow {
    static let databaseTableName = "authors"

    var id: Int64?
    var name: String

}
