import Foundation
import GazetteStore
import GazetteTestSupport
import Glibc
import Testing

/// Regression (issue 14.8): a database deleted while the daemon ran took every later article
/// with it at the next start, silently. The store now notices its file is gone or replaced.
@Suite struct FileLossTests {
    static func ingest(_ database: GazetteDatabase, _ n: Int) throws {
        let record = SampleArticles.record(
            title: "Harbour works delayed \(n)",
            body: "The harbour works in Leith were delayed again on Monday, the port authority said. \(n)",
            publication: "Post", entities: [], path: "inbox/a\(n).txt")
        _ = try database.ingest(SampleArticles.article(record))
    }

    @Test func aFileInPlacePassesTheCheck() throws {
        let folder = try TemporaryDirectory()
        let database = try GazetteDatabase(path: folder.path("gazette.sqlite"))
        try Self.ingest(database, 1)
        try database.checkFileInPlace()
        try database.checkFileInPlace()
        try GazetteDatabase.inMemory().checkFileInPlace()
    }

    @Test func aDeletedDatabaseIsNamedWithWhatToDo() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        try Self.ingest(database, 1)
        #expect(unlink(path) == 0)
        #expect {
            try database.checkFileInPlace()
        } throws: { error in
            guard case .fileLost(let lost, let reason) = error as? StoreError else { return false }
            return lost == path && reason.contains("was deleted") && "\(error)".contains("gazette rebuild")
                && "\(error)".contains("work/")
        }
    }

    @Test func aDatabaseReplacedByAnotherFileIsNoticed() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        try Self.ingest(database, 1)
        let other = folder.path("other.sqlite")
        _ = try GazetteDatabase(path: other)
        #expect(rename(other, path) == 0)
        #expect {
            try database.checkFileInPlace()
        } throws: { error in
            "\(error)".contains("was replaced by another file")
        }
    }

    /// The `-wal` holds the latest commits until a checkpoint: deleting it would lose them, so
    /// they are copied into the database before the store gives up.
    @Test func aDeletedWriteAheadLogIsSavedIntoTheDatabase() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        do {
            let database = try GazetteDatabase(path: path)
            try Self.ingest(database, 1)
            try database.checkFileInPlace()
            try Self.ingest(database, 2)
            #expect(unlink(path + "-wal") == 0)
            #expect {
                try database.checkFileInPlace()
            } throws: { error in
                "\(error)".contains("write-ahead log") && "\(error)".contains("copied into the database")
            }
        }
        let reopened = try GazetteDatabase(path: path)
        #expect(try reopened.status().articles == 2)
    }
}

extension FileLossTests {
    /// The old file's log would be replayed into the next database at the path (a new one, or
    /// a restored backup) and damage it: it goes with its file.
    @Test func aReplacedDatabaseLosesTheOldLogAndTheNewOneOpensIntact() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let other = folder.path("backup.sqlite")
        do {
            let backup = try GazetteDatabase(path: other)
            try Self.ingest(backup, 7)
            _ = try backup.backup(to: folder.path("restored.sqlite"), replacing: false)
        }
        let database = try GazetteDatabase(path: path)
        for n in 0..<5 { try Self.ingest(database, n) }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(rename(folder.path("restored.sqlite"), path) == 0)
        #expect(throws: StoreError.self) { try database.checkFileInPlace() }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

        let restored = try GazetteDatabase(path: path)
        #expect(try restored.checkIntegrity())
        #expect(try restored.status().articles == 1)
    }

}
