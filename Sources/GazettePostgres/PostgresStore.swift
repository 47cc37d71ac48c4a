import Foundation
import GazetteStore
import Logging
import PostgresNIO

/// Gazette's store in a PostgreSQL database, which several nodes share.
///
/// Opening it brings the schema up to date (``PostgresSchema``) under an advisory lock, so that
/// nodes starting at once never race. Each article records the ``node`` that stored it.
public final class PostgresStore: Sendable {
    public let url: PostgresURL
    /// This node's name (`node.name`, by default the host name), recorded with what it stores.
    public let node: String
    let connections: PostgresConnections

    /// Connects to `url` and migrates the schema. Throws ``StoreError/unreachable(server:reason:)``
    /// when the server cannot be reached and ``StoreError/migrationFailed(path:migration:reason:)``.
    public init(url: PostgresURL, node: String, logger: Logger = Logger(label: "gazette.postgres")) throws {
        self.url = url
        self.node = node
        connections = try PostgresConnections(url: url, logger: logger)
        try migrate()
    }

    /// Closes the connections kept open.
    public func close() {
        connections.close()
    }

    /// Applies the migrations this database lacks, in one transaction holding the migration lock
    /// (`pg_advisory_xact_lock`: released by the commit, or by the server if this node dies).
    private func migrate() throws {
        var current: String?
        do {
            try connections.transaction("migration") { session in
                try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
                try session.execute(
                    """
                    CREATE TABLE IF NOT EXISTS gazette_migrations (
                        name text PRIMARY KEY,
                        applied_at timestamptz NOT NULL DEFAULT now(),
                        node_name text NOT NULL
                    )
                    """)
                let applied = Set(
                    try session.rows("SELECT name FROM gazette_migrations").map { try $0.decode(String.self) })
                let known = Set(PostgresSchema.migrations.map(\.name))
                if !applied.isSubset(of: known) {
                    throw StoreError.schemaMismatch(path: url.description, newer: true)
                }
                for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                    current = migration.name
                    for statement in migration.statements { try session.execute(PostgresQuery(unsafeSQL: statement)) }
                    try session.execute(
                        "INSERT INTO gazette_migrations (name, node_name) VALUES (\(migration.name), \(node))")
                }
            }
        } catch let error as StoreError {
            switch error {
            case .unreachable, .schemaMismatch: throw error
            default: throw StoreError.migrationFailed(path: url.description, migration: current, reason: "\(error)")
            }
        }
    }

    /// The names of the migrations applied, in name order.
    package func appliedMigrations() throws -> [String] {
        try connections.withSession("migration listing") { session in
            try session.rows("SELECT name FROM gazette_migrations ORDER BY name").map {
                try $0.decode(String.self)
            }
        }
    }
}
