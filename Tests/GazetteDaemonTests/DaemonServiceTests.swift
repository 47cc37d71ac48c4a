import Foundation
import GazetteTestSupport
import Glibc
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import UnixSignals

@testable import GazetteDaemon

/// The daemon's own services, run in a `ServiceGroup` as the daemon runs them.
@Suite(.serialized) struct DaemonServiceTests {
    static let logger = Logger(label: "gazette.daemon.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `services` in a group while `body` runs, then shuts the group down gracefully.
    func whileRunning(_ services: [any Service], _ body: @Sendable () async throws -> Void) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) }, gracefulShutdownSignals: [], logger: Self.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test(.timeLimit(.minutes(1))) func restartingServiceRestartsOnlyWhenTheSettingsChange() async throws {
        let runs = Mutex<[Int]>([])
        let service = RestartingService(name: "test", settings: 1, logger: Self.logger) { settings in
            runs.withLock { $0.append(settings) }
            try await gracefulShutdown()
        }
        try await whileRunning([service]) {
            #expect(await eventually { runs.withLock { $0 } == [1] })
            service.update(1)
            service.update(2)
            #expect(await eventually { runs.withLock { $0 } == [1, 2] })
            service.update(2)
            service.update(3)
            #expect(await eventually { runs.withLock { $0 } == [1, 2, 3] })
        }
        #expect(runs.withLock { $0 } == [1, 2, 3])
    }

    @Test(.timeLimit(.minutes(1))) func restartingServicePassesOnItsBodysError() async throws {
        struct Broken: Error {}
        let service = RestartingService(name: "test", settings: 1, logger: Self.logger) { _ in throw Broken() }
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], gracefulShutdownSignals: [], logger: Self.logger))
        await #expect(throws: Broken.self) { try await group.run() }
    }

    @Test(.timeLimit(.minutes(1))) func reloaderAppliesAValidConfigurationAndKeepsTheRunningOneOtherwise() async throws
    {
        let applied = Mutex<[String]>([])
        let attempts = Mutex(0)
        let signals = await UnixSignalsSequence(trapping: .sighup)
        let reloader = ConfigurationReloader(
            signals: signals,
            load: {
                let attempt = attempts.withLock { n in
                    n += 1
                    return n
                }
                guard attempt != 2 else { throw ConfigurationError.unknownKey(key: "bogus", source: "test") }
                var configuration = GazetteConfiguration()
                configuration.inbox = "inbox-\(attempt)"
                return configuration
            },
            apply: { configuration in applied.withLock { $0.append(configuration.inbox) } },
            notifier: SystemdNotifier(environment: [:]), logger: Self.logger)
        try await whileRunning([reloader]) {
            for expected in [["inbox-1"], ["inbox-1"], ["inbox-1", "inbox-3"]] {
                let before = attempts.withLock { $0 }
                kill(getpid(), SIGHUP)
                #expect(await eventually { attempts.withLock { $0 } > before })
                #expect(await eventually { applied.withLock { $0 } == expected })
            }
        }
    }
}
