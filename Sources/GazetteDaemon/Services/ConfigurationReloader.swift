import Logging
import ServiceLifecycle
import UnixSignals

/// Re-reads the configuration on SIGHUP. A valid new configuration is handed to `apply`; an
/// invalid one is logged and the running configuration kept.
struct ConfigurationReloader: Service {
    /// Trapped before the daemon says it is ready: a SIGHUP that came before the trap would
    /// end the process (its default action).
    let signals: UnixSignalsSequence
    let load: @Sendable () async throws -> GazetteConfiguration
    let apply: @Sendable (GazetteConfiguration) async -> Void
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            notifier.reloading()
            do {
                let configuration = try await load()
                await apply(configuration)
                logger.notice("configuration reloaded")
            } catch {
                logger.error(
                    "configuration reload failed; keeping the running configuration", metadata: ["error": "\(error)"])
            }
            notifier.ready()
        }
    }
}
