import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import Logging
import ServiceLifecycle

/// An inbox and a state directory in a temporary folder, an in-memory store, and helpers to
/// drop files and look at where they ended up.
final class IntakeFixture: Sendable {
    let folder: TemporaryDirectory
    let configuration: IntakeConfiguration
    let database: GazetteDatabase
    static let logger = Logger(label: "gazette.intake.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    init(_ configure: (inout IntakeConfiguration) -> Void = { _ in }) throws {
        folder = try TemporaryDirectory(prefix: "gazette-intake")
        var configuration = IntakeConfiguration(inbox: folder.path("inbox"), stateDirectory: folder.path("state"))
        configure(&configuration)
        self.configuration = configuration
        database = try GazetteDatabase.inMemory()
        try FileManager.default.createDirectory(atPath: configuration.inbox, withIntermediateDirectories: true)
    }

    func service(onReady: @escaping @Sendable () -> Void = {}) -> IngestService {
        IngestService(
            configuration: configuration, store: database, extractor: Extractor(), logger: Self.logger,
            onReady: onReady)
    }

    /// Writes `text` (UTF-8) into the inbox, or into `subfolder` of the temporary folder.
    @discardableResult
    func drop(_ name: String, _ text: String, in subfolder: String = "inbox") throws -> String {
        try drop(name, Array(text.utf8), in: subfolder)
    }

    @discardableResult
    func drop(_ name: String, _ bytes: [UInt8], in subfolder: String = "inbox") throws -> String {
        let path = folder.path(subfolder + "/" + name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every entry below `state/<area>` (or the inbox for `inbox`), as paths relative to it,
    /// sorted; folders are descended, not listed.
    func entries(_ area: String) -> [String] {
        let root = area == "inbox" ? configuration.inbox : configuration.stateDirectory + "/" + area
        var result: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                if lstat(root + "/" + child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, area == "archive" {
                    folders.append(child)
                } else {
                    result.append(child)
                }
            }
        }
        return result.sorted()
    }

    /// Names (last components) of the files in `area`, without `.error.json` reports.
    func names(_ area: String) -> [String] {
        entries(area).map { ($0 as NSString).lastPathComponent }.filter { !$0.hasSuffix(".error.json") }.sorted()
    }

    /// The parsed `failed/NAME.error.json`.
    func errorReport(_ name: String) throws -> [String: Any] {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: configuration.failedDirectory + "/" + name + ".error.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Runs the service in a service group while `body` runs, then shuts it down gracefully.
    func whileRunning<T: Sendable>(
        _ service: IngestService, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [], logger: Self.logger))
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            let result = try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        }
    }

    /// Polls `condition` every 10 ms until it holds or `seconds` pass; returns whether it held.
    /// The bound is generous: it only ends a hung test, and CI machines are small and shared.
    static func eventually(within seconds: Double = 60, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return try condition()
    }
}

/// Article-like text the real pipeline accepts, different for each `seed`.
func articleText(_ seed: Int) -> String {
    """
    Council approves new cycle lanes for district \(seed)

    The city council voted on Tuesday to build protected cycle lanes along \(seed) streets in the \
    northern district, after a consultation that drew more than \(seed * 7 + 100) responses.

    Officials said construction would begin in the spring and cost about £\(seed + 2) million. \
    Local shop owners raised concerns about parking, but the transport committee said deliveries \
    would still be possible outside peak hours.
    """
}
