import ArgumentParser
import Foundation
import GazetteExtraction

/// `gazette-tools bench`: measures the extraction pipeline's speed and memory on one core.
///
/// Every article is read into memory first, so the figures are the pipeline's alone, not the
/// disk's. Resource loading (models, gazetteers, lexicons load lazily on first use) is timed
/// apart: the first `Extractor()` plus one extraction of a tiny text.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the extraction pipeline on a folder of articles (single-threaded).")

    /// Article files by extension; other files in the folder (such as `index.jsonl`) are skipped.
    static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "eml", "json"]

    @Option(help: "Folder of article files, searched recursively.")
    var corpus = "../shared/corpus/text/dev"

    @Option(help: "Passes over the corpus (the figures cover all of them).")
    var passes = 1

    @Flag(help: "Treat the files as clean text (`gazette extract --raw`): no clean-up or metadata detection.")
    var raw = false

    @Option(
        help: ArgumentHelp(
            "Also write every extraction record, one JSON line each as `gazette extract` prints it, to FILE (after the timed passes): diff two of these to check that a speed change altered no output.",
            valueName: "FILE"))
    var records: String?

    func validate() throws {
        guard passes > 0 else { throw ValidationError("--passes must be at least 1.") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError(
                "No folder at \(corpus); pass --corpus DIR (run from the repository root for the default).")
        }
    }

    func run() throws {
        let documents = try Self.readArticles(in: corpus)
        guard !documents.isEmpty else { throw ValidationError("No article files in \(corpus).") }
        let bytes = documents.reduce(0) { $0 + $1.bytes.count }
        let options = ExtractionOptions(raw: raw)

        let loadStart = ContinuousClock.now
        let extractor = Extractor()
        _ = try? extractor.extract(
            SourceDocument(
                path: "warm-up.txt", bytes: Array("Warm-up.\n\nThe pipeline loads its resources.".utf8),
                modified: Date()),
            options: options)
        let load = ContinuousClock.now - loadStart

        var words = 0
        var failures = 0
        var timings = StageTimings()
        // The fastest pass is the figure least disturbed by other work on a shared machine.
        var bestPass = Double.infinity
        let cpuStart = Self.cpuSeconds()
        let start = ContinuousClock.now
        for _ in 0..<passes {
            let passStart = Self.cpuSeconds()
            for document in documents {
                do {
                    words += try extractor.extract(document, options: options, timings: &timings).wordCount
                } catch {
                    failures += 1
                }
            }
            bestPass = min(bestPass, Self.cpuSeconds() - passStart)
        }
        let seconds = Self.seconds(ContinuousClock.now - start)
        let cpu = Self.cpuSeconds() - cpuStart
        let articles = documents.count * passes

        print("corpus:        \(corpus) (\(documents.count) files, \(Self.format(Double(bytes) / 1_048_576, 2)) MB)")
        print("articles:      \(articles) in \(passes) pass\(passes == 1 ? "" : "es"), \(failures) failed")
        print("words:         \(words)")
        print("wall time:     \(Self.format(seconds, 3)) s")
        print("articles/s:    \(Self.format(Double(articles) / seconds, 1))")
        print("words/s:       \(Self.format(Double(words) / seconds, 0))")
        print("MB/s:          \(Self.format(Double(bytes * passes) / 1_048_576 / seconds, 2))")
        // On a busy machine wall time includes waiting for the core; CPU time does not.
        print("cpu time:      \(Self.format(cpu, 3)) s (\(Self.format(Double(words) / cpu, 0)) words per CPU second)")
        if passes > 1 {
            let perPass = Double(words / passes)
            print(
                "best pass:     \(Self.format(bestPass, 3)) s (\(Self.format(perPass / bestPass, 0)) words per CPU second)"
            )
        }
        print("load time:     \(Self.format(Self.seconds(load) * 1000, 1)) ms (first Extractor() + tiny extract)")
        print("peak resident: \(Self.peakResidentMB().map { Self.format($0, 1) + " MB" } ?? "unknown") (VmHWM)")
        if let records { try Self.writeRecords(of: documents, extractor: extractor, options: options, to: records) }
        print(
            "stage".padding(toLength: 15, withPad: " ", startingAt: 0) + "ms".leftPadded(7) + "share".leftPadded(8)
                + "words/s".leftPadded(11))
        let total = Self.seconds(timings.total)
        for entry in timings.entries {
            let s = Self.seconds(entry.duration)
            print(
                entry.name.padding(toLength: 15, withPad: " ", startingAt: 0)
                    + Self.format(s * 1000, 0).leftPadded(7) + Self.format(100 * s / total, 1).leftPadded(7) + "%"
                    + Self.format(Double(words) / s, 0).leftPadded(11))
        }
    }

    static func readArticles(in folder: String) throws -> [SourceDocument] {
        let root = URL(fileURLWithPath: folder)
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey, .contentModificationDateKey])
        else { return [] }
        var urls: [URL] = []
        for case let url as URL in walker where articleExtensions.contains(url.pathExtension.lowercased()) {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { urls.append(url) }
        }
        return try urls.sorted { $0.path < $1.path }.map { url in
            let modified =
                (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? Date()
            return SourceDocument(path: url.path, bytes: Array(try Data(contentsOf: url)), modified: modified)
        }
    }

    /// One JSON line per document, encoded as `gazette extract` does; failures are skipped.
    static func writeRecords(
        of documents: [SourceDocument], extractor: Extractor, options: ExtractionOptions, to path: String
    ) throws {
        let encoder = ExtractionRecord.encoder()
        var data = Data()
        for document in documents {
            guard let record = try? extractor.extract(document, options: options) else { continue }
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Peak resident set size from `/proc/self/status` (Linux), in MB.
    static func peakResidentMB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    /// User plus system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
