import GRDB

/// A row of `dates`: a date expression in a body, resolved to an ISO-8601 value.
struct DateMentionRow: IdentifiedStoreRow {
    static let databaseTableName = "dates"

    var id: Int64?
    var articleId: Int64
    var position: Int
    var text: String
    var value: String
    var granularity: String
    var start: Int
    var end: Int
}
