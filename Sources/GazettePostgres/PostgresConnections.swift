import Foundation
import GazetteStore
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Synchronization

/// The store's connections to the server: opened when needed, kept for the next call, dropped
/// when broken (a restarted server, a network cut), so that the next call opens a new one.
///
/// Blocking, like the store's whole interface: a call runs on the caller's Dispatch thread and
/// waits there for each answer (`EventLoopFuture.wait()`), while NIO's event-loop threads do the
/// talking. No thread of Swift's cooperative pool ever waits for the server, and the store's
/// logic (entity linking inside a transaction) stays the synchronous code SQLite runs.
final class PostgresConnections: Sendable {
    let url: PostgresURL
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)
    /// Connections kept open between calls; more are opened while more calls run at once.
    static let keptIdle = 8

    init(url: PostgresURL, logger: Logger) throws {
        self.url = url
        self.logger = logger
        var configuration: PostgresConnection.Configuration
        if let socket = url.socketPath {
            configuration = .init(
                unixSocketPath: socket, username: url.user, password: url.password, database: url.database)
        } else {
            configuration = .init(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                tls: try Self.tls(url.sslMode))
        }
        configuration.options.connectTimeout = .seconds(10)
        if let name = url.applicationName {
            configuration.options.additionalStartupParameters = [("application_name", name)]
        }
        self.configuration = configuration
    }

    private static func tls(_ mode: PostgresURL.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        // As libpq: `require` encrypts without checking the certificate, `verify-ca` checks the chain only.
        case .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: tls)
        return mode == .allow || mode == .prefer ? .prefer(context) : .require(context)
    }

    /// Runs `body` with a connection of its own; `operation` names it in errors.
    func withSession<T>(_ operation: String, _ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try take()
        do {
            let value = try body(PostgresSession(connection: connection, logger: logger, operation: operation))
            giveBack(connection)
            return value
        } catch {
            giveBack(connection)
            throw wrapping(error, operation: operation)
        }
    }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    func transaction<T>(_ operation: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try withSession(operation) { session in
            try session.execute("BEGIN")
            do {
                let value = try body(session)
                try session.execute("COMMIT")
                return value
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Closes the idle connections; calls still running keep theirs until they return.
    func close() {
        for connection in idle.withLock({ idle in
            defer { idle.removeAll() }
            return idle
        }) {
            Self.close(connection)
        }
    }

    deinit {
        close()
    }

    /// Closes `connection` without waiting, keeping it until it is closed (postgres-nio requires
    /// a connection to be closed before it goes).
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func take() throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        let id = nextID.add(1, ordering: .relaxed).oldValue
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration, id: id,
                logger: logger
            ).wait()
        } catch {
            throw StoreError.unreachable(server: url.description, reason: Self.reason(error))
        }
    }

    private func giveBack(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        let kept = idle.withLock { idle in
            guard idle.count < Self.keptIdle else { return false }
            idle.append(connection)
            return true
        }
        if !kept { Self.close(connection) }
    }

    /// A ``StoreError`` for what the client threw: the server's own message and SQLSTATE, or a
    /// lost connection; the store's own errors pass through.
    func wrapping(_ error: any Error, operation: String) -> any Error {
        if let error = error as? PSQLError {
            guard let info = error.serverInfo else {
                return StoreError.unreachable(server: url.description, reason: Self.reason(error))
            }
            return StoreError.postgres(
                operation: operation, state: info[.sqlState] ?? "?", message: info[.message] ?? "unknown error")
        }
        if let error = error as? PostgresDecodingError {
            return StoreError.postgres(
                operation: operation, state: "decoding", message: "\(error.code) in column \(error.columnName)")
        }
        return error
    }

    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return String(describing: underlying) }
        return "\(error.code)"
    }
}

/// One connection lent to a store call: each query waits for its answer on the calling thread.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    let operation: String

    /// The rows `query` returns.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
    }

    /// Runs `query`; returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try connection.query(query, logger: logger).wait().metadata.rows ?? 0
    }

    /// The first column of the first row, if there is a row and the value is not null.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T?
    where T._DecodableType == T {
        guard let row = try rows(query).first else { return nil }
        return try row.decode(T?.self)
    }
}
