import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteExtraction

/// `gazette extract`: run the pipeline on files and print one JSON record per article: one per
/// file, or one per item, message or story of a feed, mailbox, JSON array or digest.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Run the extraction pipeline on files and print one JSON record per line (no database).",
        discussion:
            "The record's fields are described in docs/extract-json.md. A file that holds several articles (a feed, a mailbox, a JSON array or JSON Lines, a digest newsletter) prints one record per article, each naming its `source.part`; its parts without article text are named on standard error. A file that cannot be read prints a record with an `error` field, and the command exits with status 1 after processing the others."
    )

    @Flag(
        name: .long,
        help: "Treat the files as already clean article text: no clean-up, title, byline or dateline detection.")
    var raw = false

    @Option(
        name: .customLong("published-at"),
        help: ArgumentHelp(
            "The publication time to assume (ISO-8601); relative dates are resolved against it.", valueName: "ISO"))
    var publishedAt: Timestamp?

    @Flag(name: .long, help: "Pretty-print each record over several lines.")
    var pretty = false

    @Argument(help: ArgumentHelp("Article files to extract.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to extract.") }
    }

    func run() async throws {
        let output = JSONLinesWriter(pretty: pretty)
        guard let worker = IsolatedRun.worker else {
            // The supervisor: a worker process extracts, so that a file that crashes Gazette
            // gets an error record and the files after it are still extracted.
            let succeeded = try await IsolatedRun.supervise(fileCount: files.count, names: { files[$0] }) { crash in
                let path = files[crash.file]
                let sha256 = try? ArticleFile.read(path).get().bytes
                output.write(
                    ExtractionFailureRecord(
                        path: path, sha256: sha256.map(SHA256.hex(of:)),
                        error:
                            "Extracting this file stopped Gazette (\(crash.signalDescription)). This is a bug in Gazette that the file triggers: please report it with the file attached."
                    ))
            }
            if !succeeded { throw ExitCode(1) }
            return
        }
        let extractor = Extractor()
        let options = ExtractionOptions(raw: raw, publishedAt: publishedAt?.date)
        var failures = 0
        for (index, path) in files.enumerated().dropFirst(worker.firstFile) {
            worker.begin(index)
            defer { worker.end(index) }
            switch ArticleFile.read(path) {
            case .failure(let error):
                failures += 1
                output.write(ExtractionFailureRecord(path: path, sha256: nil, error: error.description))
            case .success(let file):
                do {
                    let extracted = try extractor.extractFile(
                        SourceDocument(path: path, bytes: file.bytes, modified: file.modified), options: options)
                    for record in extracted.records { output.write(record) }
                    for skipped in extracted.skipped {
                        FileHandle.standardError.write(
                            Data("\(path): \(skipped.part) skipped: \(skipped.error)\n".utf8))
                    }
                } catch {
                    failures += 1
                    output.write(
                        ExtractionFailureRecord(
                            path: path, sha256: SHA256.hex(of: file.bytes), error: error.description))
                }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// What `extract` prints for a file it could not process.
struct ExtractionFailureRecord: Encodable {
    struct Source: Encodable {
        var path: String
        var sha256: String?
    }

    var source: Source
    var error: String

    init(path: String, sha256: String?, error: String) {
        self.source = Source(path: path, sha256: sha256)
        self.error = error
    }
}
