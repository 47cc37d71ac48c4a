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
        discussion:
            "By default the files are left where they are. With --archive they are moved to the archive (or quarantined in failed/) exactly as the daemon does."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(
        name: .long,
        help: "Move each file to the archive after storing it (or to failed/ when refused), as the daemon does.")
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
        guard let worker = IsolatedRun.worker else {
            // The supervisor: the files are ingested by a worker process, so that a file that
            // crashes Gazette is quarantined and the others still go in.
            let succeeded = try await IsolatedRun.supervise(fileCount: files.count, names: { files[$0] }) { crash in
                let path = files[crash.file]
                do {
                    let outcome = try await StoreAccess.intake(configuration, label: "gazette.ingest").settleCrash(
                        of: path, keepOriginal: !archive, workerPID: crash.pid, signal: crash.signal)
                    _ = report(path, outcome)
                } catch {
                    print("\(path): not ingested: it stopped Gazette, and the failure could not be recorded: \(error)")
                }
            }
            if !succeeded { throw ExitCode(1) }
            return
        }
        let service = try StoreAccess.intake(configuration, label: "gazette.ingest")
        var problems = 0
        for (index, path) in files.enumerated().dropFirst(worker.firstFile) {
            worker.begin(index)
            if !report(path, await service.ingest(file: path, keepOriginal: !archive)) { problems += 1 }
            worker.end(index)
        }
        if problems > 0 { throw ExitCode(1) }
    }

    /// Prints what became of one file; returns whether it went in (stored or already there).
    private func report(_ path: String, _ outcome: FileOutcome) -> Bool {
        switch outcome {
        case .stored(let ids, let archived):
            let stored =
                ids.count == 1 ? "article \(ids[0])" : "\(ids.count) articles (\(ids[0]) to \(ids[ids.count - 1]))"
            print("\(path): stored as \(stored)" + (archived.map { ", archived at \($0)" } ?? ""))
        case .duplicate(let id, _), .recovered(let id, _):
            print("\(path): already stored as article \(id)")
        case .failed(let refusal, let quarantined):
            print("\(path): not ingested: \(refusal)" + (quarantined.map { " (moved to \($0))" } ?? ""))
            return false
        case .vanished:
            print("\(path): not ingested: the file disappeared before it could be read")
            return false
        case .deferred(let reason, _), .stopped(let reason, _):
            print("\(path): not ingested: \(reason)")
            return false
        }
        return true
    }
}
