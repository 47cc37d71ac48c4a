import Foundation
import Glibc
import Subprocess
import Synchronization
import SystemPackage

/// The built `gazette` executable, found next to the test bundle.
enum GazetteBinary {
    static var path: String {
        // The test runner lives in the build products folder (`.build/debug/…xctest`), beside `gazette`.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("gazette").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/gazette").path
        return fallback
    }

    /// Runs `gazette ARGS` to completion and returns its exit status and output.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try await Subprocess.run(
            .path(FilePath(path)), arguments: Arguments(arguments), environment: subprocessEnvironment(environment),
            workingDirectory: directory.map { FilePath($0) }, output: .string(limit: 256 << 20),
            error: .string(limit: 64 << 20))
        let status: Int32 =
            switch result.terminationStatus {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
        return (status, result.standardOutput, result.standardError)
    }

    /// ``cleanEnvironment`` with `extra` on top, for swift-subprocess.
    static func subprocessEnvironment(_ extra: [String: String]) -> Subprocess.Environment {
        var keyed: [Subprocess.Environment.Key: String] = [:]
        for (key, value) in cleanEnvironment.merging(extra, uniquingKeysWith: { _, new in new }) {
            if let key = Subprocess.Environment.Key(rawValue: key) { keyed[key] = value }
        }
        return .custom(keyed)
    }

    /// The test process's environment without variables that would change the daemon's behaviour.
    static var cleanEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("GAZETTE_") && key != "NOTIFY_SOCKET" && key != "WATCHDOG_USEC" && key != "WATCHDOG_PID"
                && key != "JOURNAL_STREAM" && key != "INVOCATION_ID"
        }
    }
}

/// A temporary inbox, state and digest folder for one daemon test.
struct DaemonSandbox {
    let root: String
    var inbox: String { root + "/inbox" }
    var state: String { root + "/state" }
    var digests: String { root + "/digests" }
    var archive: String { state + "/archive" }
    var failed: String { state + "/failed" }
    var work: String { state + "/work" }

    init() throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("gazette-e2e-\(UUID().uuidString.prefix(8))")
            .path
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    var arguments: [String] { ["--inbox", inbox, "--state-dir", state, "--digest-dir", digests] }

    /// Regular files under `folder`, recursively, as paths relative to it.
    func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(name)
            }
        }
        return result.sorted()
    }

    /// Writes a file the way a user's tool would: into a temporary name, then renamed into place.
    func drop(_ name: String, _ contents: [UInt8]) throws {
        let temporary = inbox + "/." + name + ".tmp"
        try Data(contents).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, inbox + "/" + name) == 0 else { throw POSIXError(.EIO) }
    }
}

/// A running `gazette run` daemon, started and reaped through swift-subprocess.
///
/// Dropping it stops the daemon: the task that owns the process is cancelled, and
/// swift-subprocess tears the process down.
final class DaemonProcess: Sendable {
    let pid: Int32
    let stderrPath: String
    private let execution: Task<TerminationStatus, any Error>
    /// How the process ended, once it has.
    private let ended = Box()

    private final class Box: Sendable {
        let status = Mutex<TerminationStatus?>(nil)
    }

    /// `flags` replace the sandbox's `--inbox`, `--state-dir` and `--digest-dir` (to take them
    /// from a configuration file instead).
    init(
        _ sandbox: DaemonSandbox, notifySocket: String? = nil, environment extra: [String: String] = [:],
        flags: [String]? = nil
    ) async throws {
        let stderrPath = sandbox.root + "/daemon-\(UUID().uuidString.prefix(6)).log"
        self.stderrPath = stderrPath
        let log = try FileDescriptor.open(
            FilePath(stderrPath), .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: .ownerReadWrite)
        var environment = extra
        if let notifySocket { environment["NOTIFY_SOCKET"] = notifySocket }
        let (started, starting) = AsyncStream<Int32>.makeStream()
        let ended = ended
        execution = Task {
            defer { starting.finish() }
            let result = try await Subprocess.run(
                .path(FilePath(GazetteBinary.path)), arguments: Arguments(["run"] + (flags ?? sandbox.arguments)),
                environment: GazetteBinary.subprocessEnvironment(environment), input: .none, output: .discarded,
                error: .fileDescriptor(log, closeAfterSpawningProcess: true)
            ) { execution in
                starting.yield(execution.processIdentifier.value)
            }
            ended.status.withLock { $0 = result.terminationStatus }
            return result.terminationStatus
        }
        guard let pid = await started.first(where: { _ in true }) else {
            _ = try await execution.value
            throw POSIXError(.ECHILD)
        }
        self.pid = pid
    }

    func signal(_ signal: Int32) { kill(pid, signal) }

    var isRunning: Bool { ended.status.withLock { $0 == nil } }

    /// Whether the process has exited because of a signal (a crash or a kill).
    var diedOfSignal: Bool {
        ended.status.withLock { if case .signaled = $0 { true } else { false } }
    }

    /// Waits for the process to exit (up to `timeout` seconds) and returns its exit status, or
    /// nil when it is still running or died of a signal.
    func waitForExit(timeout: TimeInterval = 30) async -> Int32? {
        let execution = execution
        let status = await withTaskGroup(of: TerminationStatus?.self) { group in
            group.addTask { try? await execution.value }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
        if case .exited(let code) = status { return code }
        return nil
    }

    var log: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    deinit {
        if isRunning { kill(pid, SIGKILL) }
        execution.cancel()
    }
}
