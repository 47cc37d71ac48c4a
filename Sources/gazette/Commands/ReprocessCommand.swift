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

    @Option(name: .customLong("batch-size"), help: "Articles read from the store at a time; progress is printed after each batch.")
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
        let version = Extractor.pipelineVersion
        let targets: [Int64] = try StoreAccess.attempt {
            if all { return try database.articleIDs() }
            if !ids.isEmpty { return ids }
            return try database.articleIDs(notMadeByPipeline: version)
        }
        if targets.isEmpty {
            print(all ? "The store holds no articles." : "Every article was made by pipeline \(version); nothing to reprocess.")
            return
        }
        let extractor = Extractor()
        var done = 0
        var failed = 0
        for start in stride(from: 0, to: targets.count, by: batchSize) {
            let batch = Array(targets[start..<min(start + batchSize, targets.count)])
            let sources = try StoreAccess.attempt { try database.storedSources(ids: batch) }
            for missing in Set(batch).subtracting(sources.map(\.id)).sorted() {
                failed += 1
                Self.warn("There is no article with id \(missing).")
            }
            for source in sources {
                guard let bytes = source.bytes else {
                    failed += 1
                    Self.warn("Article \(source.id) was stored without its bytes, so it cannot be reprocessed.")
                    continue
                }
                let record: ExtractionRecord
                do {
                    record = try extractor.extract(SourceDocument(path: source.path, bytes: bytes, modified: source.modified))
                } catch {
                    failed += 1
                    Self.warn("Article \(source.id) keeps its old record: \(error.description)")
                    continue
                }
                try StoreAccess.attempt { try database.replaceExtraction(articleID: source.id, record: record) }
                done += 1
            }
            print("reprocessed \(done) of \(targets.count)" + (failed > 0 ? " (\(failed) not)" : ""))
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
