import ArgumentParser
import Foundation
import Glibc

/// `gazette-tools ingest-bench`: the daemon measured from outside, as a user sees it.
///
/// Each run starts `gazette run` in a fresh folder (inbox, state, digests) with a stand-in
/// systemd notify socket, so nothing is shared between runs. A file counts as done when the
/// daemon has moved it into `archive/` — which it does only after the article's row is committed.
struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-bench",
        abstract: "Benchmark the daemon: a burst of files dropped at once, a steady rate, or startup times.",
        discussion: """
            burst:    N distinct articles (made from --corpus; see ArticleVariants) are written to a
                      folder beside the inbox, then renamed into it at once: time until all are archived,
                      articles/s, the daemon's CPU time, peak memory and database bytes per article.
            latency:  files written straight into the inbox at --rate per second: close() to archived,
                      p50/p95/p99/max.
            startup:  `gazette extract` of one file; the daemon to READY=1 on an empty inbox and on an
                      inbox of --files waiting files.
            """)

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case burst, latency, startup
    }

    @Argument(help: "What to measure: burst, latency or startup.")
    var mode: Mode

    @Option(help: "The gazette binary (default: the one beside this tool).")
    var gazette: String?

    @Option(help: "Folder of real articles the files are made from.")
    var corpus = "../shared/corpus/text/dev/bbc"

    @Option(help: "Files per run (burst, latency) or waiting at startup.")
    var files = 1000

    @Option(help: "Files per second (latency).")
    var rate = 20.0

    @Option(help: "Repeated runs; min/median/max are printed.")
    var runs = 1

    @Option(help: "intake.concurrency for the daemon (default: its own).")
    var concurrency: Int?

    @Option(help: "Folder to run in (default: the system's temporary folder; its filesystem matters).")
    var folder: String?

    @Option(help: "Give up on a run after this many seconds.")
    var timeout = 1800.0

    func validate() throws {
        guard files > 0, runs > 0, rate > 0 else {
            throw ValidationError("--files, --runs and --rate must be positive.")
        }
    }

    func run() throws {
        let binary = gazette ?? (Self.executableFolder() + "/gazette")
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ValidationError(
                "No gazette binary at \(binary); build it (swift build -c release) or pass --gazette.")
        }
        let variants = try ArticleVariants(corpus: corpus)
        print("machine:  \(Self.machine())")
        print("commit:   \(Self.commit())")
        print("gazette:  \(binary)")
        print("corpus:   \(corpus) (\(variants.count) articles)")
        switch mode {
        case .burst: try burst(binary, variants)
        case .latency: try latency(binary, variants)
        case .startup: try startup(binary, variants)
        }
    }

    // MARK: - Burst

    private func burst(_ binary: String, _ variants: ArticleVariants) throws {
        print("burst:    \(files) files dropped at once, \(runs) run\(runs == 1 ? "" : "s")")
        var rates: [Double] = []
        var cpuPerArticle: [Double] = []
        var peaks: [Double] = []
        var bytesPerArticle: [Double] = []
        for run in 1...runs {
            let daemon = try BenchDaemon(gazette: binary, parent: folder, concurrency: concurrency)
            defer { daemon.remove() }
            let staging = daemon.folder + "/staging"
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try variants.write(0..<files, into: staging)
            let names = try FileManager.default.contentsOfDirectory(atPath: staging)
            try daemon.start()
            let cpuBefore = daemon.cpuSeconds() ?? 0
            let clock = ContinuousClock()
            let start = clock.now
            for name in names where rename(staging + "/" + name, daemon.inbox + "/" + name) != 0 {
                throw BenchError("cannot move \(name) into the inbox: errno \(errno)")
            }
            var samples: [(done: Int, rss: Double)] = []
            var nextSample = files / 10
            var done = 0
            while done < files {
                usleep(20_000)
                done = Self.entries(daemon.archiveToday) + Self.quarantined(daemon.state)
                if done >= nextSample, let rss = daemon.residentMB() {
                    samples.append((done, rss.now))
                    nextSample = done + files / 10
                }
                if Self.seconds(clock.now - start) > timeout {
                    throw BenchError("run \(run): only \(done) of \(files) files done after \(Int(timeout)) s")
                }
            }
            let seconds = Self.seconds(clock.now - start)
            let cpu = (daemon.cpuSeconds() ?? 0) - cpuBefore
            let memory = daemon.residentMB()
            let failed = Self.quarantined(daemon.state)
            daemon.stop()
            let bytes = daemon.databaseBytes()
            rates.append(Double(files) / seconds)
            cpuPerArticle.append(cpu * 1000 / Double(files))
            peaks.append(memory?.peak ?? 0)
            bytesPerArticle.append(Double(bytes) / Double(files))
            print(
                "run \(run):    \(Self.format(seconds, 2)) s, \(Self.format(Double(files) / seconds, 0)) articles/s, "
                    + "daemon CPU \(Self.format(cpu, 2)) s (\(Self.format(cpu * 1000 / Double(files), 2)) ms/article), "
                    + "peak RSS \(Self.format(memory?.peak ?? 0, 1)) MB, \(failed) quarantined")
            print(
                "          RSS while running: "
                    + samples.map { "\($0.done): \(Self.format($0.rss, 0)) MB" }.joined(separator: ", "))
        }
        print("articles/s:        \(Self.spread(rates, 0))")
        print("CPU ms/article:    \(Self.spread(cpuPerArticle, 2))")
        print("peak RSS MB:       \(Self.spread(peaks, 1))")
        print("DB bytes/article:  \(Self.spread(bytesPerArticle, 0)) (database + WAL after stop)")
    }

    // MARK: - Latency

    private func latency(_ binary: String, _ variants: ArticleVariants) throws {
        print(
            "latency:  \(files) files written into the inbox at \(Self.format(rate, 0))/s, \(runs) run\(runs == 1 ? "" : "s")"
        )
        var all: [Double] = []
        for run in 1...runs {
            let daemon = try BenchDaemon(gazette: binary, parent: folder, concurrency: concurrency)
            defer { daemon.remove() }
            try daemon.start()
            let watch = try ArchiveWatch(folder: daemon.archiveToday)
            defer { watch.close() }
            let clock = ContinuousClock()
            let start = clock.now
            var closedAt: [String: ContinuousClock.Instant] = [:]
            for index in 0..<files {
                // Wait for the next file's turn watching the archive, so that each arrival is seen
                // when it happens rather than at the next write (which quantised every latency to
                // the interval between files).
                let due = start.advanced(by: .seconds(Double(index) / rate))
                while case let left = due - clock.now, left > .zero {
                    watch.drain(waitingMilliseconds: Int32(max(1, (Self.seconds(left) * 1000).rounded(.up))))
                }
                let (name, bytes) = variants.file(index)
                try Self.writeFile(daemon.inbox + "/" + name, bytes)
                closedAt[name] = clock.now
                watch.drain()
            }
            let deadline = clock.now.advanced(by: .seconds(timeout))
            while watch.arrived.count < files, clock.now < deadline { watch.drain(waitingMilliseconds: 50) }
            let latencies = closedAt.compactMap { name, closed in
                watch.arrived[name].map { Self.seconds($0 - closed) * 1000 }
            }.sorted()
            guard latencies.count == files else {
                throw BenchError("run \(run): \(latencies.count) of \(files) files archived in time")
            }
            all += latencies
            print(
                "run \(run):    \(Self.percentiles(latencies)), peak RSS \(Self.format(daemon.residentMB()?.peak ?? 0, 1)) MB"
            )
        }
        if runs > 1 { print("all runs: \(Self.percentiles(all.sorted()))") }
    }

    // MARK: - Startup

    private func startup(_ binary: String, _ variants: ArticleVariants) throws {
        let runs = max(runs, 5)
        var extract: [Double] = []
        let sample = NSTemporaryDirectory() + "/gazette-bench-\(getpid())-" + variants.file(0).name
        try Self.writeFile(sample, variants.file(0).bytes)
        defer { unlink(sample) }
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["extract", sample]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            extract.append(Self.seconds(clock.now - start) * 1000)
        }
        print("extract one file (ms):            \(Self.spread(extract, 1))")
        for waiting in [0, files] {
            var ready: [Double] = []
            for _ in 0..<runs {
                let daemon = try BenchDaemon(gazette: binary, parent: folder, concurrency: concurrency)
                defer { daemon.remove() }
                try variants.write(0..<waiting, into: daemon.inbox)
                ready.append(Self.seconds(try daemon.start()) * 1000)
            }
            print("run to READY=1, \(waiting) files waiting (ms): \(Self.spread(ready, 1))")
        }
    }

    // MARK: - Helpers

    /// Creates the file and writes it whole; the daemon sees `IN_CLOSE_WRITE` at the close.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BenchError("cannot create \(path): errno \(errno)") }
        defer { Glibc.close(descriptor) }
        guard bytes.withUnsafeBytes({ Glibc.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw BenchError("cannot write \(path): errno \(errno)")
        }
    }

    /// Entries in a folder (0 if it is missing).
    static func entries(_ folder: String) -> Int {
        guard let directory = opendir(folder) else { return 0 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { count += 1 }
        }
        return count
    }

    /// Files quarantined in `failed/` (each has an `.error.json` beside it).
    static func quarantined(_ state: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: state + "/failed")) ?? []
        return names.filter { $0.hasSuffix(".error.json") }.count
    }

    static func percentiles(_ sorted: [Double]) -> String {
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.down)))] }
        return "p50 \(format(at(0.5), 1)) ms, p95 \(format(at(0.95), 1)) ms, p99 \(format(at(0.99), 1)) ms, "
            + "max \(format(sorted.last ?? 0, 1)) ms"
    }

    static func spread(_ values: [Double], _ decimals: Int) -> String {
        let sorted = values.sorted()
        return "min \(format(sorted.first!, decimals)), median \(format(sorted[sorted.count / 2], decimals)), "
            + "max \(format(sorted.last!, decimals))"
    }

    static func format(_ value: Double, _ decimals: Int) -> String { Bench.format(value, decimals) }
    static func seconds(_ duration: Duration) -> Double { Bench.seconds(duration) }

    static func executableFolder() -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// CPU model and count, from `/proc/cpuinfo`.
    static func machine() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            info.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }

    /// The checkout's commit, when run inside one.
    static func commit() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "describe", "--always", "--dirty"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "unknown" }
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? "unknown" : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// When each file arrived in an archive folder, from inotify (`IN_MOVED_TO` for renames,
/// `IN_CLOSE_WRITE` for copies across filesystems).
final class ArchiveWatch {
    private let descriptor: Int32
    private(set) var arrived: [String: ContinuousClock.Instant] = [:]

    init(folder: String) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0,
            inotify_add_watch(descriptor, folder, UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)) >= 0
        else { throw BenchError("cannot watch \(folder): errno \(errno)") }
    }

    /// Reads the events waiting (after up to `waitingMilliseconds` for the first).
    func drain(waitingMilliseconds: Int32 = 0) {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, waitingMilliseconds) > 0 else { return }
        let now = ContinuousClock.now
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let length = buffer.withUnsafeBytes {
                    Int($0.load(fromByteOffset: offset + 12, as: UInt32.self))
                }
                let start = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[start..<start + length].prefix { $0 != 0 }, as: UTF8.self)
                if !name.isEmpty, arrived[name] == nil { arrived[name] = now }
                offset = start + length
            }
        }
    }

    func close() { Glibc.close(descriptor) }
}
