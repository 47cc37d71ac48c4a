import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Logging

/// `gazette ingest`: one-shot ingestion through the daemon's pipeline and store.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest article files once, through the same pipeline and store as the daemon (no watcher).",
        discussion: "By default the files are left where they are. With --archive they are moved to the archive (or quarantined in failed/) exactly as the daemon does."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Move each file to the archive after storing it (or to failed/ when refused), as the daemon does.")
    var archive = false

    @Argument(help: ArgumentHelp("Article files to ingest.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to ingest.") }
    }

    func run() async throws {
        let configuration = try await global.resolve()
        let level = SharedLogLevel(configuration.logLevel)
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, level: level) }
        let database: GazetteDatabase
        do {
            try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true)
            database = try GazetteDatabase(path: configuration.databasePath)
        } catch {
            throw CommandFailure("Cannot open the database at \(configuration.databasePath): \(error)")
        }
        let service = IngestService(
            configuration: configuration.intakeConfiguration, store: database, extractor: Extractor(),
            logger: Logger(label: "gazette.ingest"), clock: ContinuousClock())
        var problems = 0
        for path in files {
            let outcome = await service.ingest(file: path, keepOriginal: !archive)
            switch outcome {
            case .stored(let id, let archived):
                print("\(path): stored as article \(id)" + (archived.map { ", archived at \($0)" } ?? ""))
            case .duplicate(let id, _):
                print("\(path): already stored as article \(id)")
            case .recovered(let id, _):
                print("\(path): already stored as article \(id)")
            case .failed(let refusal, let quarantined):
                problems += 1
                print("\(path): not ingested: \(refusal)" + (quarantined.map { " (moved to \($0))" } ?? ""))
            case .vanished:
                problems += 1
                print("\(path): not ingested: the file disappeared before it could be read")
            case .deferred(let reason):
                problems += 1
                print("\(path): not ingested: \(reason)")
            }
        }
        if problems > 0 { throw ExitCode(1) }
    }
}
