import GRDB

/// A row of `ingest_failures`.
struct IngestFailureRow: IdentifiedStoreRow {
    static let databaseTableName = "ingest_failures"

    var id: Int64?
    var fileName: String
    var reason: String
    var stage: String
    var size: Int?
    var sha256: String?
    var failedAt: String
    var quarantinePath: String?

}
