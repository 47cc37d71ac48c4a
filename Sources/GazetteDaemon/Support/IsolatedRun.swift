import Foundation
import GazetteFiles
import GazetteIntake
import Glibc
import SystemPackage

/// Runs a one-shot command's files in a worker process, so that a file that crashes Gazette
/// (a trap cannot be caught) costs that file, not the rest of the batch.
///
/// The command first runs as the supervisor: it starts this same program with the same
/// arguments as a worker, which processes the files in order and notes each file's start and
/// end in a progress file. If the worker dies of a crash signal (`SIGILL`, `SIGSEGV`, …) in the
/// middle of a file, the supervisor hands that file to `crashed` and starts a new worker on the
/// files after it. A worker killed from outside (`SIGKILL`, `SIGTERM`, `SIGINT`) ends the
/// batch: someone wanted it stopped.
public enum IsolatedRun {
    static let progressVariable = "GAZETTE_WORKER_PROGRESS"
    static let firstFileVariable = "GAZETTE_WORKER_FIRST_FILE"

    /// The worker side, when this process is a worker; nil in the supervisor.
    public static let worker: Worker? = Worker(environment: ProcessInfo.processInfo.environment)

    /// What a worker does with its files: starts at ``firstFile`` and reports each one.
    public struct Worker: Sendable {
        /// The index of the first file this worker processes; earlier ones were done by others.
        public let firstFile: Int
        private let progress: FileDescriptor

        init?(environment: [String: String]) {
            guard let path = environment[IsolatedRun.progressVariable],
                let first = environment[IsolatedRun.firstFileVariable].flatMap({ Int($0) }), first >= 0
            else { return nil }
            guard
                let descriptor = try? FileDescriptor.open(FilePath(path), .writeOnly, options: [.append, .closeOnExec])
            else { return nil }
            firstFile = first
            progress = descriptor
        }

        /// Notes that file `index` is about to be processed.
        public func begin(_ index: Int) { note("begin \(index)\n") }

        /// Notes that file `index` is done, after flushing what was printed about it, so that a
        /// later crash loses nothing already reported.
        public func end(_ index: Int) {
            fflush(nil)  // every stream: standard output among them
            note("end \(index)\n")
        }

        private func note(_ line: String) {
            _ = try? progress.writeAll(line.utf8)
        }
    }

    /// A file during which a worker died of a crash signal.
    public struct Crash: Sendable {
        /// The file's index in the command's list.
        public let file: Int
        public let signal: Int32
        /// The worker that died.
        public let pid: Int32

        /// `signal 4, illegal instruction`.
        public var signalDescription: String { IntakeRefusal.signalName(signal) }
    }

    /// Why a batch could not be finished.
    public struct Stopped: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs the command's `fileCount` files in workers until all are done. Returns whether every
    /// worker exited with status 0 (a crash counts as a failure too). `environment` is added to
    /// the workers' (a command whose files are not its arguments tells them where the list is).
    public static func supervise(
        fileCount: Int, names: (Int) -> String, environment: [String: String] = [:], crashed: (Crash) async -> Void
    ) async throws(Stopped) -> Bool {
        let progressPath = try makeProgressFile()
        defer { unlink(progressPath) }
        var first = 0
        var succeeded = true
        while first < fileCount {
            fflush(nil)  // what the supervisor printed comes before what the next worker prints
            guard truncate(progressPath, 0) == 0 else {
                throw Stopped(description: "Cannot reset \(progressPath): \(Errno.current).")
            }
            let (reason, status, pid) = try await runWorker(
                first: first, progressPath: progressPath, environment: environment)
            if reason == .exit { return succeeded && status == 0 }
            let unfinished = unfinishedFile(in: progressPath)
            guard let file = unfinished, crashSignals.contains(status) else {
                let during = unfinished.map { " while processing \(names($0))" } ?? ""
                let next = (unfinished ?? first) + (unfinished == nil ? 0 : 1)
                let rest = next < fileCount ? "; \(fileCount - next) file(s) after it were not processed" : ""
                throw Stopped(description: "Gazette's worker was stopped by signal \(status)\(during)\(rest).")
            }
            await crashed(Crash(file: file, signal: status, pid: pid))
            succeeded = false
            first = file + 1
        }
        return succeeded
    }

    /// Signals by which a process dies of its own fault, not someone else's wish.
    static let crashSignals: Set<Int32> = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGSYS]

    private static func makeProgressFile() throws(Stopped) -> String {
        var template = Array((NSTemporaryDirectory() + "/gazette-progress-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Stopped(description: "Cannot create a progress file in \(NSTemporaryDirectory()): \(Errno.current).")
        }
        close(descriptor)
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Starts this program again with the same arguments as a worker from file `first`, and
    /// waits for it.
    private static func runWorker(
        first: Int, progressPath: String, environment extra: [String: String]
    ) async throws(Stopped) -> (Process.TerminationReason, Int32, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = Array(CommandLine.arguments.dropFirst())
        var environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        environment[progressVariable] = progressPath
        environment[firstFileVariable] = String(first)
        process.environment = environment
        do {
            return try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { process in
                    continuation.resume(
                        returning: (process.terminationReason, process.terminationStatus, process.processIdentifier))
                }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
        } catch {
            throw Stopped(description: "Cannot start a worker process: \(error).")
        }
    }

    /// The file a worker had begun and not ended, from its progress notes.
    private static func unfinishedFile(in path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var unfinished: Int?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let index = Int(parts[1]) else { continue }
            unfinished = parts[0] == "begin" ? index : nil
        }
        return unfinished
    }
}
