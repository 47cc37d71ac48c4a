import ArgumentParser
import Foundation
import GazetteExtraction

/// `gazette-tools bench`: measures the extraction pipeline's speed and memory on one core.
///
/// Every article is read into memory first, so the figures are the pipeline's alone, not the
/// disk's. Resource loading (models, gazetteers, lexicons load lazily on first use) is timed
/// apart: the first `Extractor()` plus one extraction of a tiny text. With `--html-size` it
/// times one large web page instead, built in memory from the corpus's pages (``BigPage``).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Benchmark the extraction pipeline on a folder of articles, or on one large web page (single-threaded).")

    /// Article files by extension; other files in the folder (such as `index.jsonl`) are skipped.
    static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "eml", "json"]

    @Option(help: "Folder of article files, searched recursively (HTML pages: ../shared/corpus/html/dev).")
    var corpus = "../shared/corpus/text/dev"

    @Option(
        help:
            "Only files with these extensions, comma-separated (`html,htm` for the web pages without their gold files)."
    )
    var ext: String?

    @Option(help: "Passes over the corpus (the figures cover all of them; min/median/max are per pass).")
    var passes = 1

    @Flag(help: "Treat the files as clean text (`gazette extract --raw`): no clean-up or metadata detection.")
    var raw = false

    @Option(
        help: ArgumentHelp(
            "Time one web page of this size (`10MB`, `512KB`) built from the corpus's HTML pages (or --html-from) instead of the corpus itself.",
            valueName: "SIZE"))
    var htmlSize: String?

    @Option(help: "The large page's shape: \(BigPage.Shape.allCases.map(\.rawValue).joined(separator: ", ")).")
    var htmlShape: BigPage.Shape = .pages

    @Option(help: ArgumentHelp("Build the large page from this HTML file alone.", valueName: "FILE"))
    var htmlFrom: String?

    @Option(
        help: ArgumentHelp(
            "Also write every extraction record, one JSON line each as `gazette extract` prints it, to FILE (after the timed passes): diff two of these to check that a speed change altered no output.",
            valueName: "FILE"))
    var records: String?

    func validate() throws {
        guard passes > 0 else { throw ValidationError("--passes must be at least 1.") }
        if let htmlSize, BigPage.bytes(htmlSize) == nil {
            throw ValidationError("--html-size takes a size such as 10MB, 512KB or 2000000, not \(htmlSize).")
        }
        if let htmlFrom {
            guard FileManager.default.isReadableFile(atPath: htmlFrom) else {
                throw ValidationError("No readable file at \(htmlFrom).")
            }
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError(
                "No folder at \(corpus); pass --corpus DIR (run from the repository root for the default).")
        }
    }

    func run() throws {
        var documents: [SourceDocument]
        var label: String
        if let htmlSize, let size = BigPage.bytes(htmlSize) {
            let sources =
                try htmlFrom.map { [try Self.read(URL(fileURLWithPath: $0))] }
                ?? Self.readArticles(in: corpus).filter { $0.path.hasSuffix(".html") || $0.path.hasSuffix(".htm") }
            guard !sources.isEmpty else { throw ValidationError("No HTML pages in \(htmlFrom ?? corpus).") }
            let page = BigPage.build(htmlShape, bytes: size, from: sources)
            documents = [SourceDocument(path: "big-page.html", bytes: page, modified: Date())]
            label = "one \(htmlShape.rawValue)-shaped page built from \(htmlFrom ?? corpus)"
        } else {
            documents = try Self.readArticles(in: corpus)
            if let ext {
                let wanted = Set(ext.lowercased().split(separator: ",").map(String.init))
                documents = documents.filter {
                    wanted.contains(URL(fileURLWithPath: $0.path).pathExtension.lowercased())
                }
            }
            label = corpus
        }
        guard !documents.isEmpty else { throw ValidationError("No article files in \(corpus).") }
        let bytes = documents.reduce(0) { $0 + $1.bytes.count }
        let options = ExtractionOptions(raw: raw)
        let residentBefore = Self.residentMB("VmRSS:")

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
        // CPU time per pass: on a shared machine the fastest pass is the figure least disturbed.
        var passTimes: [Double] = []
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
            passTimes.append(Self.cpuSeconds() - passStart)
        }
        let seconds = Self.seconds(ContinuousClock.now - start)
        let cpu = Self.cpuSeconds() - cpuStart
        let articles = documents.count * passes
        let megabytes = Double(bytes) / 1_048_576

        print("machine:       \(Self.machine())")
        print("commit:        \(Self.commit() ?? "unknown")")
        print("corpus:        \(label) (\(documents.count) files, \(Self.format(megabytes, 2)) MB)")
        print("articles:      \(articles) in \(passes) pass\(passes == 1 ? "" : "es"), \(failures) failed")
        print("words:         \(words)")
        print("wall time:     \(Self.format(seconds, 3)) s")
        print("articles/s:    \(Self.format(Double(articles) / seconds, 1))")
        print("words/s:       \(Self.format(Double(words) / seconds, 0))")
        print("MB/s:          \(Self.format(megabytes * Double(passes) / seconds, 2))")
        // On a busy machine wall time includes waiting for the core; CPU time does not.
        print("cpu time:      \(Self.format(cpu, 3)) s (\(Self.format(Double(words) / cpu, 0)) words per CPU second)")
        let sorted = passTimes.sorted()
        let median = sorted[sorted.count / 2]
        print(
            "cpu per pass:  min \(Self.format(sorted[0], 3)) s, median \(Self.format(median, 3)) s, max \(Self.format(sorted.last!, 3)) s"
        )
        print(
            "at the median: \(Self.format(Double(documents.count) / median, 1)) articles/s, \(Self.format(megabytes / median, 2)) MB/s, \(Self.format(Double(words / passes) / median, 0)) words/s (CPU)"
        )
        print("load time:     \(Self.format(Self.seconds(load) * 1000, 1)) ms (first Extractor() + tiny extract)")
        print(
            "peak resident: \(Self.residentMB("VmHWM:").map { Self.format($0, 1) + " MB" } ?? "unknown") (VmHWM; \(residentBefore.map { Self.format($0, 1) } ?? "?") MB before the extractor, the input included)"
        )
        if let records { try Self.writeRecords(of: documents, extractor: extractor, options: options, to: records) }
        print(
            "stage".padding(toLength: 15, withPad: " ", startingAt: 0) + "ms/pass".leftPadded(9) + "share".leftPadded(8)
                + "MB/s".leftPadded(9) + "words/s".leftPadded(11))
        let total = Self.seconds(timings.total)
        for entry in timings.entries {
            let s = Self.seconds(entry.duration)
            print(
                entry.name.padding(toLength: 15, withPad: " ", startingAt: 0)
                    + Self.format(s * 1000 / Double(passes), 1).leftPadded(9)
                    + Self.format(100 * s / total, 1).leftPadded(7) + "%"
                    + Self.format(megabytes * Double(passes) / s, 1).leftPadded(9)
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
        return try urls.sorted { $0.path < $1.path }.map(read)
    }

    static func read(_ url: URL) throws -> SourceDocument {
        let modified =
            (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? Date()
        return SourceDocument(path: url.path, bytes: Array(try Data(contentsOf: url)), modified: modified)
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

    /// The CPU's model name and the number of cores (Linux), else the host name.
    static func machine() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return
            "\(model.map { $0.trimmingCharacters(in: .whitespaces) } ?? ProcessInfo.processInfo.hostName), \(cores) cores"
    }

    /// The checked-out commit, from `git` run in the working folder; nil outside a repository.
    static func commit() -> String? {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "describe", "--always", "--dirty", "--abbrev=10"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        guard (try? git.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return nil }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A line of `/proc/self/status` (Linux) such as `VmHWM:` (peak resident) or `VmRSS:`, in MB.
    static func residentMB(_ key: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
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
