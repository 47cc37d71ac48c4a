import GRDB

/// A row of `quotes`.
struct QuoteRow: IdentifiedStoreRow {
    static let databaseTableName = "quotes"

    var id: Int64?
    var articleId: Int64
    var position: Int
    var speakerEntityId: Int64?
    var speaker: String?
    var text: String
    var kind: String
    var start: Int
    var end: Int
}
