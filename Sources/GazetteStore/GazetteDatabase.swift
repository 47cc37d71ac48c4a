import Foundation
import GRDB
import GRDBSQLite

/// Gazette's SQLite store: one value per process, shared by every task that needs it.
///
/// The daemon opens the file once as a WAL ``DatabasePool``; the CLI opens the same file from
/// another process and relies on the busy timeout while the daemon writes. Every public method
/// runs in exactly one transaction and throws ``StoreError``.
public final class GazetteDatabase: Sendable {
    /// How long a connection waits for another process's write lock before failing.
    public static let busyTimeout: TimeInterval = 5

    let writer: any DatabaseWriter
    /// The file path, or `:memory:`; only for error messages.
    let path: String
    /// The clock for `ingested_at`; injected so tests can pin it.
    let now: @Sendable () -> Date
    /// Joins the intake's concurrent writes into shared transactions (``groupWrite(_:_:)``).
    private let groupCommit = GroupCommit()
    /// The identities of the file and its `-wal` as opened, for ``checkFileInPlace()``; nil in
    /// memory and for read-only stores.
    let files: DatabaseFileWatch?

    /// Opens (creating if needed) the database file at `path`, and its parent folder, and brings
    /// the schema up to date.
    public convenience init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateDirectory(path: folder.path, reason: Self.reason(error))
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw StoreError.corrupt(path: path, reason: Self.reason(error))
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        try self.init(writer: pool, path: path, now: now, files: DatabaseFileWatch(path: path))
    }

    /// Opens the existing database at `path` for reading only: no file is created, no schema is
    /// migrated (browsing commands must not change the daemon's database under it). Throws
    /// ``StoreError/cannotOpen(path:reason:)`` when there is no file and
    /// ``StoreError/schemaMismatch(path:newer:)`` when its schema is not this version's.
    public static func openForReading(path: String) throws -> GazetteDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "there is no such file")
        }
        var config = configuration()
        config.readonly = true
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
            let (newer, complete) = try pool.read { db in
                (try Schema.migrator.hasBeenSuperseded(db), try Schema.migrator.hasCompletedMigrations(db))
            }
            if newer || !complete { throw StoreError.schemaMismatch(path: path, newer: newer) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw StoreError.corrupt(path: path, reason: Self.reason(error))
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        return GazetteDatabase(reader: pool, path: path)
    }

    /// A private, empty database in memory, with the full schema; for tests.
    public static func inMemory(now: @escaping @Sendable () -> Date = { Date() }) throws -> GazetteDatabase {
        let path = ":memory:"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch {
            throw StoreError.cannotOpen(path: path, reason: reason(error))
        }
        return try GazetteDatabase(writer: queue, path: path, now: now)
    }

    /// A read-only connection pool, already checked; see ``openForReading(path:)``.
    private init(reader: DatabasePool, path: String) {
        self.writer = reader
        self.path = path
        self.now = { Date() }
        self.files = nil
    }

    private init(
        writer: any DatabaseWriter, path: String, now: @escaping @Sendable () -> Date, files: DatabaseFileWatch? = nil
    ) throws {
        self.writer = writer
        self.path = path
        self.now = now
        self.files = files
        do {
            try Schema.migrator.migrate(writer)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw StoreError.corrupt(path: path, reason: Self.reason(error))
        } catch {
            throw StoreError.migrationFailed(path: path, migration: nil, reason: Self.reason(error))
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.label = "gazette"
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // Persistent WAL: the -wal and -shm files stay when the daemon closes the database,
            // so that read-only connections (browsing commands) can always open it. Ignored
            // where it does not apply (in memory).
            guard !db.configuration.readonly else { return }
            var flag: CInt = 1
            _ = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &flag)
        }
        return config
    }

    /// Runs `body` in one read-only transaction, translating errors into ``StoreError``.
    ///
    /// For the store's own queries and its tests (GRDB stays behind the store's API);
    /// `operation` names the query in error messages. Writes go through the intent-named methods.
    package func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.wrapping(error, operation: operation, path: path)
        }
    }

    /// Runs `body` in one write transaction, translating errors; nothing is written if it throws.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError.wrapping(error, operation: operation, path: path)
        }
    }

    /// ``write(_:_:)`` for the intake's writes, which come from several threads at once: writes
    /// waiting at the same time share one transaction and one commit (``GroupCommit``). Returns
    /// once the transaction holding `body` has committed.
    func groupWrite<T>(_ operation: String, _ body: @escaping (Database) throws -> T) throws -> T {
        do {
            return try groupCommit.write(writer, body)
        } catch {
            throw StoreError.wrapping(error, operation: operation, path: path)
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        return error.localizedDescription
    }
}

extension GazetteDatabase {
    /// SQLite's `PRAGMA quick_check`, stopped after `limit`: throws ``StoreError/corrupt(path:reason:)``
    /// when pages are damaged; returns false when the check did not finish in time.
    ///
    /// A damaged file can open and answer queries as if it were empty; the daemon checks at
    /// start so that it never runs on one silently.
    public func checkIntegrity(limit: Duration = .seconds(10)) throws -> Bool {
        let timer = DispatchWorkItem { [writer] in writer.interrupt() }
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        defer { timer.cancel() }
        let problems: [String]
        do {
            problems = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            return false
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw StoreError.corrupt(path: path, reason: Self.reason(error))
        }
        guard problems == ["ok"] else {
            throw StoreError.corrupt(path: path, reason: problems.prefix(3).joined(separator: "; "))
        }
        return true
    }
}
