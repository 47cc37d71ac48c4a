import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteFiles
import GazetteStore
import SystemPackage

/// `gazette export`: every stored article as JSON lines or CSV.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export the stored articles as JSON lines (one extraction record per line) or CSV (one row per article).",
        discussion:
            "CSV columns: \(ExportedArticle.csvHeader.joined(separator: ", ")). Lists are joined with '; '. With --output the file appears only once it is complete."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var window: WindowOptions

    @Option(help: "jsonl or csv.")
    var format: Format

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    /// Articles read from the store per transaction.
    static let batchSize = 500

    func run() async throws {
        let configuration = try await global.resolve()
        let database = try StoreAccess.open(configuration)
        let ids = try await StoreAccess.attempt { [window = window.window] in try database.articleIDs(in: window) }
        let sink = try Sink(path: output)
        do {
            let lines = JSONLinesWriter().encoder
            if format == .csv { sink.write(CSV.line(ExportedArticle.csvHeader)) }
            for start in stride(from: 0, to: ids.count, by: Self.batchSize) {
                let batch = Array(ids[start..<min(start + Self.batchSize, ids.count)])
                for article in try await StoreAccess.attempt({ try database.exportedArticles(ids: batch) }) {
                    switch format {
                    case .jsonl: sink.write(String(decoding: try lines.encode(article.record), as: UTF8.self) + "\n")
                    case .csv: sink.write(CSV.line(article.csvFields))
                    }
                }
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        if let output {
            FileHandle.standardError.write(
                Data("Exported \(ids.count) article\(ids.count == 1 ? "" : "s") to \(output).\n".utf8))
        }
    }

    /// Standard output, or a temporary file beside the target renamed into place when complete.
    final class Sink {
        private let handle: FileHandle
        private let path: String?
        private let temporary: String?

        init(path: String?) throws {
            self.path = path
            guard let path else {
                handle = .standardOutput
                temporary = nil
                return
            }
            let temporary = path + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                let handle = FileHandle(forWritingAtPath: temporary)
            else {
                throw CommandFailure("Cannot write \(path); check that its folder exists and is writable.")
            }
            self.handle = handle
            self.temporary = temporary
        }

        func write(_ text: String) {
            handle.write(Data(text.utf8))
        }

        func finish() throws {
            guard let path, let temporary else { return }
            try handle.synchronize()
            try handle.close()
            do {
                try AtomicFile.replace(path, with: temporary)
            } catch {
                throw CommandFailure("Cannot move the export into place at \(path): \(error).")
            }
        }

        func abandon() {
            guard let temporary else { return }
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
