import Foundation
import GazetteExtraction
import GazettePostgres
import GazetteStore
import GazetteTestSupport
import PostgresNIO
import Testing

@Suite(.enabled(if: TestDatabase.serverURL != nil, Comment(rawValue: TestDatabase.skipped)))
struct PostgresStoreTests {
    @Test func openingMigratesAnEmptyDatabaseOnce() throws {
        let database = try TestDatabase()
        let store = try PostgresStore(url: database.url, node: "node-a")
        defer { store.close() }
        let applied = try store.appliedMigrations()
        #expect(applied == ["v1-articles", "v1-entities", "v1-facts", "v1-intake", "v4-person-surnames"])
        let again = try PostgresStore(url: database.url, node: "node-b")
        defer { again.close() }
        #expect(try again.appliedMigrations() == applied)
    }

    @Test func nodesStartingTogetherDoNotRace() async throws {
        let database = try TestDatabase()
        let url = database.url
        let outcomes = await withTaskGroup(of: Result<[String], any Error>.self) { group in
            for node in 0..<4 {
                group.addTask {
                    await BlockingWork.run {
                        Result {
                            let store = try PostgresStore(url: url, node: "node-\(node)")
                            defer { store.close() }
                            return try store.appliedMigrations()
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 4)
        for outcome in outcomes {
            #expect(try outcome.get() == ["v1-articles", "v1-entities", "v1-facts", "v1-intake", "v4-person-surnames"])
        }
    }

    @Test func nodesStoringTheSameBytesAtOnceStoreOneArticle() async throws {
        let database = try TestDatabase()
        let stores = try ["node-a", "node-b"].map { try PostgresStore(url: database.url, node: $0) }
        defer { for store in stores { store.close() } }
        let article = SampleArticles.article()
        let outcomes = await withTaskGroup(of: Result<IngestOutcome, any Error>.self) { group in
            for attempt in 0..<6 {
                group.addTask {
                    await BlockingWork.run {
                        var copy = article
                        copy.receivedPath = "inbox/copy-\(attempt).txt"
                        return Result { try stores[attempt % 2].ingest(file: [copy]) }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let results = try outcomes.map { try $0.get() }
        let stored = results.filter { if case .stored = $0 { true } else { false } }
        #expect(stored.count == 1)
        #expect(Set(results.map(\.id)).count == 1)
        let status = try stores[0].status()
        #expect(status.articles == 1)
        #expect(status.duplicates == 5)
        let node = try stores[1].node(ofArticle: results[0].id)
        #expect(node == "node-a" || node == "node-b")
    }

    @Test func eachArticleRecordsTheNodeThatStoredIt() throws {
        let database = try TestDatabase()
        let store = try PostgresStore(url: database.url, node: "reader-2")
        defer { store.close() }
        let id = try store.ingest(file: [SampleArticles.article()]).id
        #expect(try store.node(ofArticle: id) == "reader-2")
        #expect(try store.node(ofArticle: id + 1) == nil)
    }

    /// Regression: names were folded by Swift on one side and by the server on the other, so in a
    /// database whose `lower()` folds only ASCII an alias spelled exactly like a stored accented
    /// name did not find it.
    @Test func anAliasSpelledLikeAStoredAccentedNameFindsItInAnASCIIFoldingDatabase() throws {
        let database = try TestDatabase(ctype: "C")
        let store = try PostgresStore(url: database.url, node: "node-a")
        defer { store.close() }
        let first = SampleArticles.record(entities: [.init("Élysée", .organization)], path: "inbox/a.txt")
        _ = try store.ingest(file: [SampleArticles.article(first)])
        let second = SampleArticles.record(
            title: "At the palace", entities: [.init("Palais de l'Élysée", .organization, aliases: ["Élysée"])],
            path: "inbox/b.txt")
        _ = try store.ingest(file: [SampleArticles.article(second)])
        #expect(try database.texts("SELECT name FROM entities") == ["Palais de l'Élysée"])
    }
}

struct PostgresUnreachableTests {
    @Test func anUnreachableServerIsNamedWithoutItsPassword() throws {
        let url = try PostgresURL(
            parsing: "postgresql://gazette:hunter2@localhost/news?host=/nonexistent-gazette-folder", environment: [:])
        let error = #expect(throws: StoreError.self) { try PostgresStore(url: url, node: "node-a") }
        guard case .unreachable(let server, _)? = error else {
            Issue.record("expected an unreachable server, got \(String(describing: error))")
            return
        }
        #expect(server == "postgresql://gazette@localhost/news?host=/nonexistent-gazette-folder")
        #expect(!"\(error!)".contains("hunter2"))
    }
}
