import GRDB

/// A row of `keyphrases`; `rank` 1 is the best.
struct KeyphraseRow: IdentifiedStoreRow {
    static let databaseTableName = "keyphrases"

    var id: Int64?
    var articleId: Int64
    var rank: Int
    var text: String
    var score: Double
}
