import Foundation
import GRDB
import GazetteTestSupport
import Testing

@testable import GazetteStore

@Suite("Migrations")
struct MigrationTests {
    static let tables = [
        "amounts", "article_authors", "article_entities", "article_fts", "articles", "authors", "dates",
        "duplicate_sightings", "entities", "entity_aliases", "entity_names", "entity_roles", "ingest_failures",
        "keyphrases",
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
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (\(Self.tables.map { "'\($0)'" }.joined(separator: ",")))"
                ),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            )
        }
        #expect(Set(tables) == Set(Self.tables))
        #expect(journalMode == "wal")
        #expect(
            migrations == [
                "v1-articles", "v1-entities", "v1-facts", "v1-intake", "v1-search", "v2-entity-names",
                "v3-article-parts",
                "v3-author-source",
                "v4-person-surnames",
                "v4-search-prefixes",
            ])
        #expect(
            try database.status()
                == StoreStatus(
                    articles: 0, failed: 0, duplicates: 0, lastIngestAt: nil, lastError: nil, lastErrorAt: nil,
                    databaseBytes: database.status().databaseBytes))
    }

    @Test("a store made before the search prefix indexes gets them and still finds its articles")
    func searchPrefixes() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let old = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(old, upTo: "v4-person-surnames")
        try old.write { db in
            _ = try ArticleWriter(record: SampleArticles.record(), ingestedAt: "2026-03-01T08:00:00.000Z").insert(
                raw: [], receivedPath: "inbox/a.txt", receivedAt: "2026-03-01T08:00:00.000Z",
                into: SQLiteRows(db: db))
        }
        try old.close()
        let database = try GazetteDatabase(path: path)
        let table = try database.read("test") { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_fts'")
        }
        #expect(table?.contains("prefix='2 3'") == true)
        #expect(try database.search(SearchQuery(text: "Ru*")).count == 1)
        #expect(try database.search(SearchQuery(text: "Moscow")).count == 1)
        // The triggers are back: a new article is indexed.
        _ = try database.ingest(SampleArticles.article(SampleArticles.record(title: "Summit in the home town")))
        #expect(try database.search(SearchQuery(text: "town")).count == 1)
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

@Suite("Migrations on existing data")
struct MigrationUpgradeTests {
    @Test("v2-entity-names fills the name table from what v1 stored")
    func entityNamesBackfill() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v1-search")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles (id, sha256, received_path, received_at, ingested_at, processed_at, record_schema,
                        source_path, source_format, source_encoding, source_bytes, language, body, word_count, tone,
                        simhash, simhash_hex, pipeline_version, summary)
                    VALUES (1, 'aa', 'in/a.txt', 'T', 'T', 'T', 1, 'a.txt', 'text', 'utf-8', 1, 'en', 'Putin.', 1, 0, 0,
                        '0000000000000000', '1', '[]');
                    INSERT INTO entities (id, name, type, first_seen_at, first_article_id) VALUES (7, 'Vladimir Putin', 'PERSON', 'T', 1);
                    INSERT INTO article_entities (id, article_id, entity_id, position, name) VALUES (3, 1, 7, 0, 'Mr Putin');
                    INSERT INTO entity_aliases (entity_id, article_id, article_entity_id, position, alias) VALUES (7, 1, 3, 0, 'Putin');
                    """)
        }
        try Schema.migrator.migrate(queue)
        let names = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM entity_names WHERE entity_id = 7 ORDER BY name")
        }
        #expect(names == ["Mr Putin", "Putin", "Vladimir Putin"])
    }

    @Test("v3 adds the part, file hash and author source columns, null for the articles already stored")
    func articlePartsColumns() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v2-entity-names")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles (id, sha256, received_path, received_at, ingested_at, processed_at, record_schema,
                        source_path, source_format, source_encoding, source_bytes, language, body, word_count, tone,
                        simhash, simhash_hex, pipeline_version, summary)
                    VALUES (1, 'aa', 'in/a.txt', 'T', 'T', 'T', 1, 'a.txt', 'text', 'utf-8', 1, 'en', 'Putin.', 1, 0, 0,
                        '0000000000000000', '2', '[]');
                    """)
        }
        try Schema.migrator.migrate(queue)
        let row = try #require(
            try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT sha256, part, file_sha256, author_source FROM articles WHERE id = 1")
            })
        #expect(row["sha256"] as String? == "aa")
        #expect(row["part"] as String? == nil)
        #expect(row["file_sha256"] as String? == nil)
        #expect(row["author_source"] as String? == nil)
        let indexes = try queue.read { db in try db.indexes(on: "articles").map(\.name) }
        #expect(indexes.contains("articles_on_file_sha256"))
    }

    @Test("v4 gives every stored person its surname, indexed, and leaves other types without one")
    func personSurnames() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v3-author-source")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO entities (id, name, type, first_seen_at) VALUES (1, 'Owen J. Dempsey', 'PERSON', 'T');
                    INSERT INTO entities (id, name, type, first_seen_at) VALUES (2, 'Brown', 'PERSON', 'T');
                    INSERT INTO entities (id, name, type, first_seen_at) VALUES (3, 'Bank of England', 'ORGANIZATION', 'T');
                    """)
        }
        try Schema.migrator.migrate(queue)
        let surnames = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, surname FROM entities ORDER BY id").map { $0["surname"] as String? }
        }
        #expect(surnames == ["dempsey", "brown", nil])
        let plan = try queue.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT id FROM entities WHERE surname = 'x' AND type = 'PERSON'"
            )
            .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("entities_on_surname") })
    }
}
