import GRDB

/// A row of `duplicate_sightings`: the same bytes as a stored article arrived again.
struct DuplicateSightingRow: IdentifiedStoreRow {
    static let databaseTableName = "duplicate_sightings"

    var id: Int64?
    var articleId: Int64
    var path: String
    var seenAt: String
}
