import GRDB

/// A Codable row of one table. Swift properties are camelCase; columns are snake_case.
package protocol StoreRow: Codable, FetchableRecord, MutablePersistableRecord {}

extension StoreRow {
    package static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    package static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A row whose integer primary key SQLite assigns on insert.
package protocol IdentifiedStoreRow: StoreRow {
    var id: Int64? { get set }
}

extension IdentifiedStoreRow {
    package mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
