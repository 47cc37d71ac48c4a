import Foundation
import GRDB
import Glibc
import Synchronization

/// Which file a path names: its device and inode.
struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path` now, or nil when there is none.
    static func of(_ path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}

/// Notices when the database file, or its `-wal`, is no longer the file the store opened.
///
/// SQLite keeps writing to the file it has open: after an `rm` (or a `mv` of another file over
/// the path) every commit goes to an inode no one can open again, and vanishes at the next
/// start. The identities are read just after the store opened the file, and compared with the
/// path's before each file is ingested and after each commit: one `stat` each.
final class DatabaseFileWatch: Sendable {
    let path: String
    private let database: FileIdentity
    /// The `-wal` and `-shm` as first seen (SQLite creates them with the first WAL transaction).
    private let wal: Mutex<FileIdentity?>
    private let shm: Mutex<FileIdentity?>

    /// What happened to the files; nil when `path` has no file.
    init?(path: String) {
        guard let identity = FileIdentity.of(path) else { return nil }
        self.path = path
        self.database = identity
        self.wal = Mutex(FileIdentity.of(path + "-wal"))
        self.shm = Mutex(FileIdentity.of(path + "-shm"))
    }

    enum Change: Equatable {
        case databaseDeleted, databaseReplaced, walDeleted, walReplaced
    }

    /// How the files differ from those opened, or nil when they are the same.
    func change() -> Change? {
        guard let current = FileIdentity.of(path) else { return .databaseDeleted }
        guard current == database else { return .databaseReplaced }
        let currentSHM = FileIdentity.of(path + "-shm")
        shm.withLock { opened in if opened == nil { opened = currentSHM } }
        let currentWAL = FileIdentity.of(path + "-wal")
        return wal.withLock { opened -> Change? in
            guard let known = opened else {
                opened = currentWAL
                return nil
            }
            guard let currentWAL else { return .walDeleted }
            return currentWAL == known ? nil : .walReplaced
        }
    }

    /// Removes the `-wal` and `-shm` at the path when they are still the ones opened with a
    /// database file that is gone: SQLite would replay that log into whatever database is
    /// opened at the path next (a new one, or a restored copy) and damage it.
    func removeOrphanedLog() {
        let opened = [("-wal", wal.withLock { $0 }), ("-shm", shm.withLock { $0 })]
        for (suffix, known) in opened where known != nil && FileIdentity.of(path + suffix) == known {
            unlink(path + suffix)
        }
    }
}

extension GazetteDatabase {
    /// Throws ``StoreError/fileLost(path:reason:)`` when the database file or its `-wal` was
    /// deleted or replaced since the store opened it: whatever is written from now on would be
    /// lost. A lost `-wal` is first copied into the database (a checkpoint through the
    /// connection that still holds it), so that its transactions survive. Does nothing for a
    /// store in memory.
    public func checkFileInPlace() throws {
        guard let files, let change = files.change() else { return }
        let reason: String
        if change == .databaseDeleted || change == .databaseReplaced { files.removeOrphanedLog() }
        switch change {
        case .databaseDeleted:
            reason =
                "was deleted while Gazette was running, and what was stored since it was opened went with it"
                + " (its -wal and -shm were removed too, so that they cannot damage the next database)."
                + " The next start creates a new database; run `gazette rebuild` then to restore the articles from"
                + " the originals in archive/"
        case .databaseReplaced:
            reason =
                "was replaced by another file while Gazette was running (the old file's -wal and -shm were removed,"
                + " so that they cannot damage the new one). The next start opens the new file;"
                + " run `gazette rebuild` then to add the articles in archive/ that it lacks"
        case .walDeleted, .walReplaced:
            let saved = (try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }) != nil
            reason =
                "has lost its write-ahead log (\(path)-wal was \(change == .walDeleted ? "deleted" : "replaced"))"
                + " while Gazette was running; "
                + (saved
                    ? "its transactions were copied into the database first. The next start carries on with it"
                    : "its latest transactions could not be saved. After the next start, run `gazette rebuild` to restore the articles from archive/")
        }
        throw StoreError.fileLost(path: path, reason: reason)
    }
}
