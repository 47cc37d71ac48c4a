import Foundation
import GazetteFiles
import Glibc

/// A `gazette run` started for a benchmark in a folder of its own: inbox, state and digests, with
/// a notify socket standing in for systemd so the time to `READY=1` can be read.
final class BenchDaemon {
    let folder: String
    var inbox: String { folder + "/inbox" }
    var state: String { folder + "/state" }
    /// `archive/YYYY/MM/DD` for today's UTC day, where the daemon moves what it stored.
    var archiveToday: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: Date())
        return state + "/archive/" + String(format: "%04d/%02d/%02d", day.year!, day.month!, day.day!)
    }

    private let gazette: String
    private let concurrency: Int?
    private var process: Process?
    private var notifySocket: Int32 = -1

    /// Makes a fresh folder under `parent` (the system's temporary folder when nil).
    init(gazette: String, parent: String?, concurrency: Int?) throws {
        self.gazette = gazette
        self.concurrency = concurrency
        let base = parent ?? NSTemporaryDirectory()
        var template = Array((base + "/gazette-bench.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("cannot make a folder under \(base)") }
        folder = String(cString: made)
        for path in [inbox, archiveToday, folder + "/digests"] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    /// Starts the daemon and waits (up to `timeout`) for `READY=1`; returns the time it took.
    @discardableResult
    func start(timeout: Duration = .seconds(60)) throws -> Duration {
        let socketPath = folder + "/notify.sock"
        notifySocket = try Self.datagramSocket(at: socketPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gazette)
        process.arguments = [
            "run", "--inbox", inbox, "--state-dir", state, "--digest-dir", folder + "/digests", "--log-level",
            "warning",
        ]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GAZETTE_") }
        environment["NOTIFY_SOCKET"] = socketPath
        if let concurrency { environment["GAZETTE_INTAKE_CONCURRENCY"] = String(concurrency) }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/stderr")
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        self.process = process
        let deadline = started.advanced(by: timeout)
        while clock.now < deadline {
            if let message = receive(waitingMilliseconds: 20), message.split(separator: "\n").contains("READY=1") {
                return clock.now - started
            }
            guard process.isRunning else {
                throw BenchError("gazette run exited with status \(process.terminationStatus) before READY=1")
            }
        }
        throw BenchError("gazette run did not report READY=1 within \(timeout)")
    }

    /// Peak and current resident set size of the daemon in MB (`VmHWM`, `VmRSS`).
    func residentMB() -> (peak: Double, now: Double)? {
        guard let pid = process?.processIdentifier,
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return nil }
        func field(_ name: String) -> Double? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else {
                return nil
            }
            return Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
                .map { $0 / 1024 }
        }
        guard let peak = field("VmHWM"), let now = field("VmRSS") else { return nil }
        return (peak, now)
    }

    /// User plus system CPU seconds the daemon has used so far (`/proc/PID/stat`).
    func cpuSeconds() -> Double? {
        guard let pid = process?.processIdentifier,
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14 and stime 15 (1-based).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Bytes of the database and its write-ahead log.
    func databaseBytes() -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: state + "/gazette.sqlite" + suffix)
            return total + ((attributes?[.size] as? Int) ?? 0)
        }
    }

    /// SIGTERM, then waits for the exit.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    /// Stops the daemon and removes the folder.
    func remove() {
        stop()
        if notifySocket >= 0 { Glibc.close(notifySocket) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func receive(waitingMilliseconds: Int32) -> String? {
        var poller = pollfd(fd: notifySocket, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, waitingMilliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(notifySocket, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    private static func datagramSocket(at path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError("cannot make a notify socket: errno \(errno)") }
        guard let address = UnixSocketAddress(path) else {
            throw BenchError("the notify socket's path is too long: \(path)")
        }
        let bound = address.bind(descriptor)
        guard bound else { throw BenchError("cannot bind the notify socket at \(path): errno \(errno)") }
        return descriptor
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
