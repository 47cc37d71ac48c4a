import Foundation
import PostgresNIO
import Testing

@testable import GazettePostgres

/// The server `scripts/postgres-test-server.sh` started (`GAZETTE_TEST_POSTGRES_URL`), and a
/// database of its own for each test, dropped when the value is released.
final class TestDatabase: Sendable {
    /// The URL of the server's maintenance database, or nil: the PostgreSQL tests are then skipped.
    static let serverURL: PostgresURL? = ProcessInfo.processInfo.environment["GAZETTE_TEST_POSTGRES_URL"].flatMap {
        try? PostgresURL(parsing: $0)
    }

    static let skipped =
        "no PostgreSQL server: run `source scripts/postgres-test-server.sh` first to include these tests"

    let url: PostgresURL
    private let server: PostgresConnections

    init() throws {
        let serverURL = try #require(Self.serverURL)
        server = try PostgresConnections(url: serverURL, logger: .init(label: "gazette.test"))
        var url = serverURL
        url.database = "gazette_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try server.withSession("create test database") { session in
            _ = try session.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(url.database)"))
        }
        self.url = url
    }

    deinit {
        _ = try? server.withSession("drop test database") { session in
            try session.execute(PostgresQuery(unsafeSQL: "DROP DATABASE \(url.database) WITH (FORCE)"))
        }
        server.close()
    }
}
