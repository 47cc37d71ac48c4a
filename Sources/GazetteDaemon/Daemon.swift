import Foundation
import GazetteDigest
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `gazette run`: the intake, the systemd heartbeat and the configuration reloader under one
/// `ServiceGroup`. SIGTERM/SIGINT shut down gracefully (no new claims, in-flight files finish);
/// SIGHUP reloads the configuration.
public struct Daemon: Sendable {
    /// systemd's default `TimeoutStopSec` is 90 s and the unit sets 30 s; stay well below.
    public static let gracefulShutdownLimit: Duration = .seconds(20)
    /// When the process exits even if a file's extraction has not returned (it cannot be
    /// interrupted): after the services' own limit, before systemd's `TimeoutStopSec=30s`.
    static let shutdownDeadline: Duration = gracefulShutdownLimit + .seconds(3)

    public let configuration: GazetteConfiguration
    /// Re-reads the configuration (file, environment, flags) on SIGHUP.
    public let reload: @Sendable () async throws -> GazetteConfiguration
    public let logLevel: SharedLogLevel
    public let logger: Logger

    public init(
        configuration: GazetteConfiguration,
        logLevel: SharedLogLevel,
        logger: Logger,
        reload: @escaping @Sendable () async throws -> GazetteConfiguration
    ) {
        self.configuration = configuration
        self.logLevel = logLevel
        self.logger = logger
        self.reload = reload
    }

    public func run() async throws {
        try DaemonFolders.prepare(configuration)
        let lock = try DaemonLock(stateDirectory: configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        let database = try GazetteDatabase(path: configuration.databasePath)
        if try !database.checkIntegrity() {
            logger.warning("the database's integrity check did not finish in time; starting without it")
        }
        let extractor = Extractor()
        let notifier = SystemdNotifier()
        let logger = self.logger

        let counters = IntakeCounterBoard()
        let readiness = Readiness(notifier: notifier, inbox: configuration.inbox, logger: logger)
        let intake = RestartingService(name: "intake", settings: configuration.intake, logger: logger) { settings in
            let service = IngestService(
                configuration: settings, store: database, extractor: extractor,
                logger: logger, onReady: readiness.signal)
            counters.running(service)
            defer { counters.finished(service) }
            try await service.run()
        }
        let digests = RestartingService(name: "digest", settings: configuration.digest, logger: logger) { settings in
            let scheduler = DigestScheduler(configuration: settings, database: database, logger: logger)
            try await cancelWhenGracefulShutdown { try await scheduler.run() }
        }
        let heartbeat = SystemdHeartbeat(notifier: notifier) {
            Self.statusLine(counters.total)
        }
        let logLevel = self.logLevel
        let reloader = ConfigurationReloader(
            signals: await UnixSignalsSequence(trapping: .sighup),
            load: { [configuration] in
                let newConfiguration = try await reload()
                try Self.checkReloadable(newConfiguration, running: configuration)
                return newConfiguration
            },
            apply: { newConfiguration in
                logLevel.value = newConfiguration.logLevel
                intake.update(newConfiguration.intake)
                digests.update(newConfiguration.digest)
            },
            notifier: notifier,
            logger: logger)

        // A graceful shutdown reaches the services in reverse order: systemd hears STOPPING=1,
        // the intake stops claiming and finishes its files, then the digest scheduler and the
        // reloader stop, and the heartbeat (feeding the watchdog all along) goes last.
        var groupConfiguration = ServiceGroupConfiguration(
            services: [
                .init(service: heartbeat),
                .init(service: reloader),
                .init(service: digests),
                .init(service: intake),
                .init(service: SystemdStopping(notifier: notifier, deadline: Self.shutdownDeadline, logger: logger)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        let group = ServiceGroup(configuration: groupConfiguration)
        try await group.run()
        logger.info("stopped", metadata: ["ingested": "\(counters.total.ingested)"])
    }

    /// Refuses, before anything is applied, a reloaded configuration the running daemon could
    /// not use: another state folder (records and files would split between two), or an inbox
    /// that cannot be created or is on another filesystem than the state folder.
    static func checkReloadable(_ new: GazetteConfiguration, running: GazetteConfiguration) throws {
        guard new.stateDirectory == running.stateDirectory else {
            throw DaemonError.needsRestart(
                "state_dir changed from \(running.stateDirectory) to \(new.stateDirectory); restart the daemon to move to another state folder"
            )
        }
        try new.intake.prepareFolders()
    }

    static func statusLine(_ counters: IntakeCounters) -> String {
        let counts =
            "\(counters.ingested) ingested, \(counters.duplicates) duplicates, \(counters.failed) failed, \(counters.queued) queued"
        guard let (file, reason) = counters.trouble.min(by: { $0.key < $1.key }) else { return counts }
        let name = (file as NSString).lastPathComponent
        return "UNHEALTHY, not taking new files: \(counters.trouble.count) retrying in work/ (\(name): \(reason)); "
            + counts
    }
}

/// Tells systemd `READY=1` the first time the intake watches the inbox (before its startup
/// scan); later intake restarts (after a reload) do not repeat it.
final class Readiness: Sendable {
    private let notifier: SystemdNotifier
    private let inbox: String
    private let logger: Logger
    private let sent = Mutex(false)

    init(notifier: SystemdNotifier, inbox: String, logger: Logger) {
        self.notifier = notifier
        self.inbox = inbox
        self.logger = logger
    }

    @Sendable func signal() {
        guard
            sent.withLock({ sent in
                defer { sent = true }
                return !sent
            })
        else { return }
        logger.info("ready", metadata: ["inbox": "\(inbox)"])
        notifier.ready(status: "Watching \(inbox)")
    }
}

/// Creates the folders the daemon needs, with messages that say which one failed.
enum DaemonFolders {
    static func prepare(_ configuration: GazetteConfiguration) throws {
        for (folder, what) in [(configuration.inbox, "inbox"), (configuration.stateDirectory, "state directory")] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw DaemonError.cannotCreateFolder(path: folder, what: what)
            }
        }
    }
}

public enum DaemonError: Error, CustomStringConvertible {
    case cannotCreateFolder(path: String, what: String)
    /// A reload changed a setting that only a restart can apply.
    case needsRestart(String)
    /// Another daemon holds the state folder's ``DaemonLock``.
    case alreadyRunning(pid: Int32?, stateDirectory: String)
    case cannotLock(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let what):
            "Cannot create the \(what) \(path); create it yourself or choose another folder with the configuration."
        case .needsRestart(let what):
            "\(what)."
        case .alreadyRunning(let pid, let stateDirectory):
            "Another Gazette daemon\(pid.map { " (pid \($0))" } ?? "") is running on the state folder \(stateDirectory);"
                + " stop it first, or give this one another --state-dir."
        case .cannotLock(let path, let reason):
            "Cannot open or lock \(path): \(reason); check the state folder's owner and permissions."
        }
    }
}
