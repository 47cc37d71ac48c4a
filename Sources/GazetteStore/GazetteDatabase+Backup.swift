import Foundation
import GRDB
import Glibc

/// What `gazette backup` wrote.
public struct BackupResult: Sendable, Equatable {
    public var path: String
    public var bytes: Int64
    public var articles: Int
}

extension GazetteDatabase {
    /// Writes a consistent copy of the database to `destination` with SQLite's online backup API:
    /// a snapshot of one moment, taken while the daemon goes on writing (a read transaction
    /// does not block its writes).
    ///
    /// The copy is one self-contained file (rollback journal, no `-wal`), written under a
    /// temporary name beside `destination`, checked with `PRAGMA quick_check`, flushed to disk,
    /// and only then given its name; an existing `destination` is replaced only when `replacing`
    /// (otherwise ``StoreError/backupFailed(destination:reason:)`` says it exists).
    public func backup(to destination: String, replacing: Bool) throws -> BackupResult {
        let url = URL(fileURLWithPath: destination)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).partial-\(getpid())"
        ).path
        unlink(temporary)
        defer { unlink(temporary) }
        let articles: Int
        do {
            let copy = try DatabaseQueue(path: temporary)
            try writer.backup(to: copy)
            articles = try copy.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                guard problems == ["ok"] else {
                    throw StoreError.corrupt(path: temporary, reason: problems.prefix(3).joined(separator: "; "))
                }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
            }
            try copy.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            throw StoreError.backupFailed(destination: destination, reason: error.message ?? "cannot create the file")
        } catch {
            throw StoreError.wrapping(error, operation: "backup to \(destination)", path: path)
        }
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw StoreError.backupFailed(destination: destination, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
        // link() never replaces: it fails when `destination` appeared meanwhile.
        if (replacing ? rename(temporary, destination) : link(temporary, destination)) != 0 {
            let reason =
                errno == EEXIST
                ? "the file exists; choose another name, or replace it with --force" : String(cString: strerror(errno))
            throw StoreError.backupFailed(destination: destination, reason: reason)
        }
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        var status = stat()
        let bytes = stat(destination, &status) == 0 ? Int64(status.st_size) : 0
        return BackupResult(path: destination, bytes: bytes, articles: articles)
    }
}
