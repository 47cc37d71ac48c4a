import GRDB

/// A Codable row of one table. Swift properties are camelCase; columns are snake_case.
protocol StoreRow: Codable, FetchableRecord, MutablePersistableRecord {}

extension StoreRow {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A row whose integer primary key SQLite assigns on insert.
protocol IdentifiedStoreRow: StoreRow {
    var id: Int64? { get set }
}

extension IdentifiedStoreRow {
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
