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

    /// A database whose character classes are `ctype`'s (the server's default when nil): `C`
    /// folds only ASCII letters in `lower()`.
    init(ctype: String? = nil) throws {
        let serverURL = try #require(Self.serverURL)
        server = try PostgresConnections(url: serverURL, logger: .init(label: "gazette.test"))
        var url = serverURL
        url.database = "gazette_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try server.withSession("create test database") { session in
            let locale = ctype.map { " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '\($0)' LC_CTYPE '\($0)'" } ?? ""
            _ = try session.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(url.database)\(locale)"))
        }
        self.url = url
    }

    /// The first column of what `query` returns, as text.
    func texts(_ query: PostgresQuery) throws -> [String] {
        let connections = try PostgresConnections(url: url, logger: .init(label: "gazette.test"))
        return try connections.withSession("test query") { session in
            try session.rows(query).map { try $0.decode(String.self) }
        }
    }

    deinit {
        _ = try? server.withSession("drop test database") { session in
            try session.execute(PostgresQuery(unsafeSQL: "DROP DATABASE \(url.database) WITH (FORCE)"))
        }
        server.close()
    }
}
