import Foundation
import GRDB
import GazetteExtraction
import GazetteTestSupport
import Testing

@testable import GazetteStore

/// Browsing commands open the store read-only: they never create, migrate or write the
/// database the daemon works on.
@Suite struct ReadOnlyOpeningTests {
    @Test func aMissingFileIsNotCreated() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("state/gazette.sqlite")
        #expect(throws: StoreError.cannotOpen(path: path, reason: "there is no such file")) {
            try GazetteDatabase.openForReading(path: path)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("state")))
    }

    @Test func readsWhatTheWriterStoredAndCannotWrite() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let id = try GazetteDatabase(path: path).ingest(SampleArticles.article()).id
        let reader = try GazetteDatabase.openForReading(path: path)
        #expect(try reader.status().articles == 1)
        #expect(try reader.record(id: id) != nil)
        var other = SampleArticles.record()
        other.body += " Another paragraph."
        #expect(throws: StoreError.self) { try reader.ingest(SampleArticles.article(other)) }
        #expect(try GazetteDatabase(path: path).status().articles == 1)
    }

    @Test func theWriterKeepsItsWALFilesForReaders() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        do {
            _ = try GazetteDatabase(path: path).ingest(SampleArticles.article())
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func aDatabaseFromANewerGazetteIsRefusedNotMigrated() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let writer = try GazetteDatabase(path: path)
        try writer.write("test") { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        #expect(throws: StoreError.schemaMismatch(path: path, newer: true)) {
            try GazetteDatabase.openForReading(path: path)
        }
    }

    @Test func aDatabaseThatNeedsAnUpgradeIsRefusedNotMigrated() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let writer = try GazetteDatabase(path: path)
        try writer.write("test") { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-entity-names'")
        }
        #expect(throws: StoreError.schemaMismatch(path: path, newer: false)) {
            try GazetteDatabase.openForReading(path: path)
        }
        let migrations = try GazetteDatabase.openForReadingUnchecked(path: path)
        #expect(!migrations.contains("v2-entity-names"))
    }
}

extension GazetteDatabase {
    /// The migrations recorded in the file, read with plain SQLite so that nothing migrates it.
    static func openForReadingUnchecked(path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
    }
}
