import Foundation
import GazetteDaemon
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Glibc
import Logging

/// What the commands share: opening the store (read-only for browsing), the one-shot intake, JSON output and
/// highlight marks.
enum StoreAccess {
    /// The configured database, which must already exist: read-only for browsing (never
    /// migrated or written), `writable` for `reprocess`.
    static func open(_ configuration: GazetteConfiguration, writable: Bool = false) throws -> any ArticleStore {
        try openDatabase(configuration, writable: writable)
    }

    /// The configured SQLite database, for what only SQLite does (`gazette backup`); see ``open(_:writable:)``.
    static func openDatabase(_ configuration: GazetteConfiguration, writable: Bool = false) throws -> GazetteDatabase {
        let path = configuration.databasePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("No database at \(path); run `gazette run` or `gazette ingest` first.")
        }
        do {
            return try writable ? GazetteDatabase(path: path) : GazetteDatabase.openForReading(path: path)
        } catch {
            throw CommandFailure(String(describing: error))
        }
    }

    /// The intake of a one-shot command (`ingest`, `rebuild`) over the configured database,
    /// created (with its folder) when missing.
    static func intake(_ configuration: GazetteConfiguration, label: String) throws -> IngestService {
        let database: GazetteDatabase
        do {
            try FileManager.default.createDirectory(
                atPath: configuration.stateDirectory, withIntermediateDirectories: true)
            database = try GazetteDatabase(path: configuration.databasePath)
        } catch {
            throw CommandFailure("Cannot open the database at \(configuration.databasePath): \(error)")
        }
        return IngestService(
            configuration: configuration.intake, store: database, extractor: Extractor(), logger: Logger(label: label))
    }

    /// Runs a store call on a Dispatch thread (the store blocks; the cooperative pool must not),
    /// reporting its errors (which are sentences already) as command failures.
    static func attempt<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await BlockingWork.run(body)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure(String(describing: error))
        }
    }

    /// Prints `value` as pretty JSON with sorted keys and ISO-8601 times.
    static func printJSON(_ value: some Encodable) throws {
        try JSONLinesWriter(pretty: true).writeOrThrow(value)
    }

    /// Bold on a colour terminal; `**` around matches otherwise (pipes, files, `NO_COLOR`).
    static var highlight: (open: String, close: String) {
        let environment = ProcessInfo.processInfo.environment
        if isatty(STDOUT_FILENO) != 0, environment["NO_COLOR"] == nil, environment["TERM"] != "dumb" {
            return ("\u{1B}[1m", "\u{1B}[22m")
        }
        return ("**", "**")
    }

    /// The date part of an ISO-8601 time, for narrow table columns.
    static func day(_ timestamp: String?) -> String {
        timestamp.map { String($0.prefix(10)) } ?? "-"
    }
}
