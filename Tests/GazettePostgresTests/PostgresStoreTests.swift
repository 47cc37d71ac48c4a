import Foundation
import GazettePostgres
import GazetteStore
import Testing

@Suite(.enabled(if: TestDatabase.serverURL != nil, Comment(rawValue: TestDatabase.skipped)))
struct PostgresStoreTests {
    @Test func openingMigratesAnEmptyDatabaseOnce() throws {
        let database = try TestDatabase()
        let store = try PostgresStore(url: database.url, node: "node-a")
        defer { store.close() }
        let applied = try store.appliedMigrations()
        #expect(applied == ["v1-articles", "v1-entities", "v1-facts", "v1-intake"])
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
            #expect(try outcome.get() == ["v1-articles", "v1-entities", "v1-facts", "v1-intake"])
        }
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
