import GRDB

/// A row of `amounts`: a number, money or percentage in a body.
struct AmountRow: IdentifiedStoreRow {
    static let databaseTableName = "amounts"

    var id: Int64?
    var articleId: Int64
    var position: Int
    var text: String
    var value: Double
    var currency: String?
    var unit: String?
    var start: Int
    var end: Int
}
