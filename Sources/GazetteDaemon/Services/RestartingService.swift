import Logging
import ServiceLifecycle
import Synchronization

/// Runs a long-lived piece of the daemon with some settings, and restarts it when a reload
/// changes those settings.
///
/// A restart cancels the running body. The intake's claimed files stay in `work/` and the new
/// intake finishes them at its start, exactly as after a crash, so nothing is lost; the digest
/// scheduler keeps its last window on disk.
final class RestartingService<Settings: Equatable & Sendable>: Service, Sendable {
    private let name: String
    private let logger: Logger
    private let body: @Sendable (Settings) async throws -> Void
    private let state: Mutex<State>

    private struct State {
        var settings: Settings
        /// Signals the running generation that the settings changed; a fresh stream per run.
        var restart: AsyncStream<Void>.Continuation?
    }

    init(name: String, settings: Settings, logger: Logger, body: @escaping @Sendable (Settings) async throws -> Void) {
        self.name = name
        self.logger = logger
        self.body = body
        self.state = Mutex(State(settings: settings))
    }

    /// Applies reloaded settings; restarts the body only when they changed.
    func update(_ settings: Settings) {
        state.withLock { state in
            guard state.settings != settings else { return }
            state.settings = settings
            state.restart?.yield()
        }
    }

    func run() async throws {
        while true {
            let (restarts, restart) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            let settings = state.withLock { state in
                state.restart = restart
                return state.settings
            }
            let body = self.body
            let restartRequested = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await body(settings)
                    return false
                }
                group.addTask {
                    for await _ in restarts { return true }
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                // The cancelled body may end with a CancellationError; that is the restart.
                while (try? await group.next()) != nil {}
                return first
            }
            state.withLock { $0.restart = nil }
            guard restartRequested, !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
            logger.notice("settings changed; restarting", metadata: ["service": "\(name)"])
        }
    }
}
