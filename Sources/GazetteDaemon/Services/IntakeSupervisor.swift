import GazetteIntake
import Logging
import ServiceLifecycle
import Synchronization

/// Runs the ``IngestService`` and restarts it when a reload changes the intake settings.
///
/// A restart cancels the running intake; any file it had claimed stays in `work/` and the new
/// intake finishes it at its start, exactly as after a crash, so nothing is lost.
final class IntakeSupervisor: Service, Sendable {
    private let makeService: @Sendable (IntakeConfiguration, _ onReady: @escaping @Sendable () -> Void) -> IngestService<ContinuousClock>
    private let onReady: @Sendable () -> Void
    private let logger: Logger
    private let state: Mutex<State>

    private struct State {
        var configuration: IntakeConfiguration
        var current: IngestService<ContinuousClock>?
        /// Signals the running generation that the settings changed; a fresh stream per run.
        var restart: AsyncStream<Void>.Continuation?
        var finished = IntakeCounters()
    }

    init(
        configuration: IntakeConfiguration,
        logger: Logger,
        onReady: @escaping @Sendable () -> Void,
        makeService: @escaping @Sendable (IntakeConfiguration, _ onReady: @escaping @Sendable () -> Void) -> IngestService<ContinuousClock>
    ) {
        self.state = Mutex(State(configuration: configuration))
        self.logger = logger
        self.onReady = onReady
        self.makeService = makeService
    }

    /// What every intake run so far has done, the current one included.
    var counters: IntakeCounters {
        state.withLock { state in
            var total = state.finished
            if let current = state.current?.counters { total.add(current) }
            return total
        }
    }

    /// Applies a reloaded configuration; restarts the intake only when its settings changed.
    func update(_ configuration: IntakeConfiguration) {
        state.withLock { state in
            guard state.configuration != configuration else { return }
            state.configuration = configuration
            state.restart?.yield()
        }
    }

    func run() async throws {
        while true {
            let (restarts, restart) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            let service = state.withLock { state in
                let service = makeService(state.configuration, onReady)
                state.current = service
                state.restart = restart
                return service
            }
            let restartRequested = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await service.run()
                    return false
                }
                group.addTask {
                    for await _ in restarts { return true }
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                // The cancelled intake may end with a CancellationError; that is the restart.
                while (try? await group.next()) != nil {}
                return first
            }
            state.withLock { state in
                state.finished.add(service.counters)
                state.current = nil
                state.restart = nil
            }
            guard restartRequested, !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
            logger.notice("intake settings changed; restarting the intake")
        }
    }
}

extension IntakeCounters {
    mutating func add(_ other: IntakeCounters) {
        ingested += other.ingested
        duplicates += other.duplicates
        failed += other.failed
        recovered += other.recovered
        deferred += other.deferred
        queued = other.queued
    }
}
