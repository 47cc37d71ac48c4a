import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteIntake
import GazetteStore

/// `gazette status`: what is stored, what failed, what is waiting.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Show articles stored, files failed and waiting in the inbox, the last ingest and error, and the database size."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the figures as one JSON object.")
    var json = false

    func run() async throws {
        let configuration = try await global.resolve()
        let report = try await StatusReport.gather(configuration)
        if json {
            JSONLinesWriter(pretty: true).write(report)
        } else {
            print(report.text)
        }
    }
}

/// The figures `gazette status` prints.
struct StatusReport: Encodable {
    var articles: Int
    var failed: Int
    var duplicates: Int
    var pending: Int
    /// Files in `work/`: being processed, retried after a transient failure, or left for the next start.
    var inWork: Int
    var lastIngestAt: String?
    var lastError: String?
    var lastErrorAt: String?
    var databaseBytes: Int64
    var database: String
    var inbox: String

    enum CodingKeys: String, CodingKey {
        case articles, failed, duplicates, pending, database, inbox
        case inWork = "in_work"
        case lastIngestAt = "last_ingest_at"
        case lastError = "last_error"
        case lastErrorAt = "last_error_at"
        case databaseBytes = "database_bytes"
    }

    static func gather(_ configuration: GazetteConfiguration) async throws -> StatusReport {
        let pending = configuration.intake.pendingEntryCount()
        let inWork = configuration.intake.workEntryCount()
        let path = configuration.databasePath
        guard FileManager.default.fileExists(atPath: path) else {
            return StatusReport(
                articles: 0, failed: 0, duplicates: 0, pending: pending, inWork: inWork, databaseBytes: 0,
                database: path,
                inbox: configuration.inbox)
        }
        let status: StoreStatus
        do {
            let store = try StoreAccess.open(configuration)
            status = try await BlockingWork.run { try store.status() }
        } catch {
            throw CommandFailure(
                "Cannot read the database at \(path): \(error). Check --state-dir and the file's permissions.")
        }
        return StatusReport(
            articles: status.articles, failed: status.failed, duplicates: status.duplicates, pending: pending,
            inWork: inWork,
            lastIngestAt: status.lastIngestAt.map(ISOTimestamp.format), lastError: status.lastError,
            lastErrorAt: status.lastErrorAt.map(ISOTimestamp.format), databaseBytes: status.databaseBytes,
            database: path, inbox: configuration.inbox)
    }

    var text: String {
        var lines = [
            "articles stored   \(articles)",
            "duplicates seen   \(duplicates)",
            "files failed      \(failed)",
            "waiting in inbox  \(pending)  (\(inbox))",
            "in work/          \(inWork)"
                + (inWork > 0 ? "  (being ingested, or retried after a store or disk failure: see the log)" : ""),
            "last ingest       \(lastIngestAt ?? "never")",
            "last error        \(lastError.map { "\($0) (\(lastErrorAt ?? "?"))" } ?? "none")",
            "database          \(ByteCountFormatter.string(fromByteCount: databaseBytes, countStyle: .file))  (\(database))",
        ]
        if articles == 0 && pending == 0 {
            lines.append("Drop article files into \(inbox) and run `gazette run` to ingest them.")
        }
        return lines.joined(separator: "\n")
    }
}
