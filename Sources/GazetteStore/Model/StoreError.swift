import GRDB

/// Why the store could not do what was asked. Descriptions are one readable sentence and never
/// contain article text.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotCreateDirectory(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case migrationFailed(path: String, migration: String?, reason: String)
    /// A read-only opening found a schema this version does not match: `newer` when a newer
    /// Gazette wrote it, else it needs the upgrade the daemon or `gazette ingest` applies.
    case schemaMismatch(path: String, newer: Bool)
    /// Another connection held the write lock for longer than the busy timeout.
    case busy(path: String, operation: String)
    case diskFull(path: String, operation: String)
    case corrupt(path: String, reason: String)
    case articleNotFound(id: Int64)
    /// A stored value the current code does not understand (a newer Gazette wrote it, or the row
    /// was edited by hand).
    case invalidStoredValue(table: String, column: String, rowID: Int64, value: String)
    case sqlite(operation: String, code: Int32, message: String)
    /// The database file (or its `-wal`) was deleted or replaced under the running process;
    /// `reason` says which and what to do. Nothing more may be written through this store.
    case fileLost(path: String, reason: String)
    /// `gazette backup` could not write or place its copy at `destination`.
    case backupFailed(destination: String, reason: String)
    /// The PostgreSQL server at `server` (its URL without the password) cannot be reached, or
    /// refused the connection.
    case unreachable(server: String, reason: String)
    /// The PostgreSQL server failed `operation`; `state` is its SQLSTATE code.
    case postgres(operation: String, state: String, message: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "The database folder \(path) cannot be created: \(reason)."
        case .cannotOpen(let path, let reason):
            "The database file \(path) cannot be opened: \(reason)."
        case .migrationFailed(let path, let migration, let reason):
            if let migration {
                "The database \(path) cannot be upgraded (migration \(migration)): \(reason)."
            } else {
                "The database \(path) cannot be upgraded: \(reason)."
            }
        case .schemaMismatch(let path, let newer):
            newer
                ? "The database \(path) was written by a newer Gazette; use that version, or a copy of the database made before it."
                : "The database \(path) needs an upgrade first; run `gazette run` or `gazette ingest` once with this version."
        case .busy(let path, let operation):
            "The database \(path) stayed locked by another process during \(operation); try again, or stop the other process."
        case .diskFull(let path, let operation):
            "The disk holding \(path) is full; \(operation) was not saved."
        case .corrupt(let path, let reason):
            "The database file \(path) is damaged or is not a Gazette database: \(reason). Restore it from a backup,"
                + " or move it aside to start a new one (the original files are kept in the state folder's archive/)."
        case .articleNotFound(let id):
            "There is no article with id \(id)."
        case .invalidStoredValue(let table, let column, let rowID, let value):
            "The stored value '\(value)' in \(table).\(column) (row \(rowID)) is not understood by this version of Gazette."
        case .sqlite(let operation, let code, let message):
            "The database failed during \(operation) (SQLite error \(code)): \(message)."
        case .fileLost(let path, let reason):
            "The database file \(path) \(reason). Gazette stops rather than write to a file that is gone;"
                + " files being ingested stay in work/ and are taken again at the next start."
        case .backupFailed(let destination, let reason):
            "The backup \(destination) was not written: \(reason)."
        case .unreachable(let server, let reason):
            "The PostgreSQL server \(server) cannot be reached: \(reason)."
        case .postgres(let operation, let state, let message):
            "The database failed during \(operation) (PostgreSQL error \(state)): \(message)."
        }
    }

    /// Translates an error thrown by GRDB into a ``StoreError``; store errors pass through.
    static func wrapping(_ error: any Error, operation: String, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .sqlite(operation: operation, code: -1, message: String(describing: error))
        }
        let message = error.message ?? "unknown error"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path, operation: operation)
        case .SQLITE_FULL:
            return .diskFull(path: path, operation: operation)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .corrupt(path: path, reason: message)
        default:
            return .sqlite(operation: operation, code: error.resultCode.rawValue, message: message)
        }
    }
}
