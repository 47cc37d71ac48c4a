import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Glibc
import Logging

/// `gazette rebuild`: stores again every original in `archive/` that the database lacks.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Restore the database from the originals in the state folder's archive/.",
        discussion: """
            Walks STATE/archive/YYYY/MM/DD/ oldest day first and ingests every file whose bytes (by SHA-256) \
            are not stored yet, creating the database if there is none: after a database was lost, deleted or \
            restored from an older backup, no archived article is lost. The archived files are only read, \
            never moved or changed. A restored article keeps its archive path, counts as ingested when its \
            file was archived (so it does not crowd the next digest) and, like any article, falls back on \
            the file's modification time when the text gives no publication date. Copies of bytes already \
            stored add nothing. The run is idempotent: stop it at any time and run it again to go on. It \
            can run while the daemon runs. Exits with status 1 when a file could not be restored.
            """
    )

    @OptionGroup var global: GlobalOptions

    /// Where the supervisor lists the files for its workers, and where they tally outcomes.
    static let listVariable = "GAZETTE_WORKER_REBUILD_LIST"
    static let tallyVariable = "GAZETTE_WORKER_REBUILD_TALLY"

    func run() async throws {
        let configuration = try await global.resolve()
        let level = SharedLogLevel(configuration.logLevel)
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, level: level) }
        let environment = ProcessInfo.processInfo.environment
        guard let worker = IsolatedRun.worker, let listPath = environment[Self.listVariable],
            let tallyPath = environment[Self.tallyVariable]
        else {
            try await supervise(configuration)
            return
        }
        let files = try String(contentsOfFile: listPath, encoding: .utf8).split(separator: "\n").map(String.init)
        let service = try StoreAccess.intake(configuration, label: "gazette.rebuild")
        let tally = FileHandle(forWritingAtPath: tallyPath)
        tally?.seekToEndOfFile()
        for (index, relative) in files.enumerated().dropFirst(worker.firstFile) {
            worker.begin(index)
            let kind: Tally
            if let file = ArchivedFile(archive: configuration.intake.archiveDirectory, relativePath: relative) {
                kind = Self.report(relative, await service.rebuild(file))
            } else {
                print("\(relative): gone from the archive since the listing; skipped")
                kind = .vanished
            }
            tally?.write(Data((kind.rawValue + "\n").utf8))
            worker.end(index)
        }
    }

    /// Lists the archive, runs the workers over the list, and prints the counts.
    private func supervise(_ configuration: GazetteConfiguration) async throws {
        let archive = configuration.intake.archiveDirectory
        let files: [String]
        do throws(IntakeError) {
            files = FileManager.default.fileExists(atPath: archive) ? try ArchivedFile.list(archive) : []
        } catch {
            throw CommandFailure("Cannot list the archive: \(error).")
        }
        guard !files.isEmpty else {
            print("\(archive) holds no files; nothing to rebuild.")
            return
        }
        // The workers' database is opened (created, migrated) once here, so that a problem is
        // told before any file.
        _ = try StoreAccess.intake(configuration, label: "gazette.rebuild")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-rebuild-\(getpid())")
        let listPath = scratch.path + ".list"
        let tallyPath = scratch.path + ".tally"
        defer {
            unlink(listPath)
            unlink(tallyPath)
        }
        do {
            try Data(files.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: listPath))
            try Data().write(to: URL(fileURLWithPath: tallyPath))
        } catch {
            throw CommandFailure("Cannot write the file list in \(scratch.deletingLastPathComponent().path): \(error).")
        }
        print("rebuilding from \(files.count) files in \(archive)")
        var crashed = 0
        _ = try await IsolatedRun.supervise(
            fileCount: files.count, names: { files[$0] },
            environment: [Self.listVariable: listPath, Self.tallyVariable: tallyPath]
        ) { crash in
            crashed += 1
            print("\(files[crash.file]): not restored: extracting it stopped Gazette (\(crash.signalDescription))")
        }
        let lines = ((try? String(contentsOfFile: tallyPath, encoding: .utf8)) ?? "").split(separator: "\n")
        let counts = Dictionary(grouping: lines.compactMap { Tally(rawValue: String($0)) }, by: { $0 }).mapValues(
            \.count)
        let count = { (kind: Tally) in counts[kind] ?? 0 }
        let notRestored = count(.refused) + count(.error) + crashed
        print(
            "restored \(count(.restored)), already stored \(count(.alreadyStored)), not restored \(notRestored)"
                + " (refused \(count(.refused)), store or disk errors \(count(.error)), crashed \(crashed))"
                + (count(.vanished) > 0 ? ", gone since the listing \(count(.vanished))" : "")
                + " of \(files.count) archived files")
        if notRestored > 0 { throw ExitCode(1) }
    }

    /// What became of one archived file, as the workers tally it.
    enum Tally: String {
        case restored
        case alreadyStored = "already"
        case refused, error, vanished
    }

    /// Prints a line for a file restored or not restored (none for one already stored).
    private static func report(_ relative: String, _ outcome: FileOutcome) -> Tally {
        switch outcome {
        case .stored(let id, _):
            print("\(relative): restored as article \(id)")
            return .restored
        case .duplicate, .recovered:
            return .alreadyStored
        case .failed(let refusal, _):
            print("\(relative): not restored: \(refusal)")
            return .refused
        case .vanished:
            return .vanished
        case .deferred(let reason, _), .stopped(let reason, _):
            print("\(relative): not restored: \(reason)")
            return .error
        }
    }
}
