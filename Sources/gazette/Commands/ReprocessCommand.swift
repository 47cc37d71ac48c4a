import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteExtraction
import GazetteStore

/// `gazette reprocess`: re-run the current pipeline on stored raw bytes.
struct ReprocessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Re-run the current extraction pipeline on the stored bytes of articles made by an older one.",
        discussion: """
            Without arguments, every article whose pipeline version differs from this Gazette's \
            (\(Extractor.pipelineVersion)) is re-extracted and its record replaced, one transaction per article. \
            An interrupted run resumes where it stopped when run again, since replaced articles carry the new version. \
            --all or IDs re-extract those articles whatever their version. An article whose bytes the current \
            pipeline refuses keeps its old record.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Reprocess every article, whatever pipeline made it (not resumable).")
    var all = false

    @Option(
        name: .customLong("batch-size"),
        help: "Articles read from the store at a time; progress is printed after each batch.")
    var batchSize = 100

    @Argument(help: ArgumentHelp("Only these article ids.", valueName: "ID"))
    var ids: [Int64] = []

    func validate() throws {
        if all && !ids.isEmpty { throw ValidationError("Give either --all or article ids, not both.") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1.") }
    }

    func run() async throws {
        let configuration = try await global.resolve()
        let database = try StoreAccess.open(configuration, writable: true)
        let reprocessor = Reprocessor(database: database, batchSize: batchSize)
        let selection: Reprocessor.Selection = all ? .all : ids.isEmpty ? .outdated : .ids(ids)
        let targets = try await StoreAccess.attempt {
            try reprocessor.targets(selection)
        }
        if targets.isEmpty {
            print(
                all
                    ? "The store holds no articles."
                    : "Every article was made by pipeline \(Extractor.pipelineVersion); nothing to reprocess.")
            return
        }
        let figures = try await StoreAccess.attempt {
            try reprocessor.run(targets, problem: { Self.warn($0.description) }) { progress in
                print(
                    "reprocessed \(progress.replaced) of \(progress.total)"
                        + (progress.failed > 0 ? " (\(progress.failed) not)" : "")
                        + (progress.added > 0
                            ? "; \(progress.added) articles added from files now read as several" : ""))
            }
        }
        if figures.failed > 0 { throw ExitCode(1) }
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
