import Foundation
import GRDB
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    static let tables = [
        "amounts", "article_authors", "article_entities", "article_fts", "articles", "authors", "dates",
        "duplicate_sightings", "entities", "entity_aliases", "entity_roles", "ingest_failures", "keyphrases",
        "mentions", "publications", "quotes",
    ]

    @Test("an empty file in a missing folder gets the whole schema, in WAL mode")
    func emptyFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("state/nested/gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let (tables, journalMode, migrations) = try database.read("test") { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (\(Self.tables.map { "'\($0)'" }.joined(separator: ",")))"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            )
        }
        #expect(Set(tables) == Set(Self.tables))
        #expect(journalMode == "wal")
        #expect(migrations == ["v1-articles", "v1-entities", "v1-facts", "v1-intake", "v1-search"])
        #expect(try database.status() == StoreStatus(
            articles: 0, failed: 0, duplicates: 0, lastIngestAt: nil, lastError: nil, lastErrorAt: nil,
            databaseBytes: database.status().databaseBytes))
    }

    @Test("reopening a migrated file keeps its data")
    func reopen() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let id = try GazetteDatabase(path: path).ingest(SampleArticles.article()).id
        let reopened = try GazetteDatabase(path: path)
        #expect(try reopened.record(id: id) == SampleArticles.record())
        #expect(try reopened.status().articles == 1)
    }

    @Test("a file that is not a database is refused with a readable error")
    func notADatabase() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try GazetteDatabase(path: path)
        } throws: { error in
            guard let error = error as? StoreError, case .corrupt = error else { return false }
            return error.description.contains(path)
        }
    }

    @Test("a folder that cannot be created is reported by path")
    func unwritableFolder() throws {
        let folder = try TemporaryDirectory()
        let blocker = folder.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        #expect {
            _ = try GazetteDatabase(path: folder.path("file/state/gazette.sqlite"))
        } throws: { error in
            guard let error = error as? StoreError, case .cannotCreateDirectory = error else { return false }
            return error.description.contains(blocker)
        }
    }
}
