import Foundation

import Glibc

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
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = cleanEnvironment.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
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
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-e2e-\(UUID().uuidString.prefix(8))").path
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
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
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

/// A running `gazette run` daemon.
final class DaemonProcess {
    let process = Process()
    let stderrPath: String

    init(_ sandbox: DaemonSandbox, notifySocket: String? = nil, environment extra: [String: String] = [:]) throws {
        stderrPath = sandbox.root + "/daemon-\(UUID().uuidString.prefix(6)).log"
        try Data().write(to: URL(fileURLWithPath: stderrPath))
        process.executableURL = URL(fileURLWithPath: GazetteBinary.path)
        process.arguments = ["run"] + sandbox.arguments
        var environment = GazetteBinary.cleanEnvironment
        if let notifySocket { environment["NOTIFY_SOCKET"] = notifySocket }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the process to exit (up to `timeout` seconds) and returns its status, or nil.
    func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let end = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < end { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    var log: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Whether the process has exited because of a signal (a crash or a kill).
    var diedOfSignal: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` seconds pass.
func eventually(timeout: TimeInterval = 60, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}
