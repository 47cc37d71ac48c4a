import Dispatch
import Glibc
import Logging
import ServiceLifecycle

/// Keeps systemd informed while the daemon runs: `STATUS=` with the intake's counts and
/// `WATCHDOG=1` pings at half the watchdog interval. The daemon shuts it down last, so the
/// watchdog is fed while the intake finishes its files; ``SystemdStopping`` says `STOPPING=1`
/// first.
struct SystemdHeartbeat: Service {
    let notifier: SystemdNotifier
    let status: @Sendable () -> String
    let statusInterval: Duration
    let clock = ContinuousClock()

    init(notifier: SystemdNotifier, statusInterval: Duration = .seconds(5), status: @escaping @Sendable () -> String) {
        self.notifier = notifier
        self.status = status
        self.statusInterval = statusInterval
    }

    func run() async throws {
        guard notifier.isEnabled else {
            // Nothing to tell; stay alive until shutdown so the group keeps its shape.
            await gracefulShutdownOrCancellation()
            return
        }
        let tick = min(notifier.watchdogInterval ?? statusInterval, statusInterval)
        var lastStatus = ""
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if notifier.watchdogInterval != nil { notifier.watchdog() }
            let current = status()
            if current != lastStatus {
                notifier.status(current)
                lastStatus = current
            }
            try? await cancelWhenGracefulShutdown { try await clock.sleep(for: tick) }
        }
    }

    private func gracefulShutdownOrCancellation() async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        await withGracefulShutdownHandler {
            for await _ in stream {}
        } onGracefulShutdown: {
            continuation.finish()
        }
    }
}

/// Tells systemd `STOPPING=1` as soon as a graceful shutdown begins: the daemon lists it last,
/// so that it is the first service to hear of the shutdown.
///
/// It also holds the shutdown to its budget: the extraction of a file cannot be interrupted,
/// so if the process is still there `deadline` after the shutdown began (a huge file in
/// flight), it exits. Files still in `work/` are finished at the next start, as after a crash;
/// systemd (`TimeoutStopSec=30s`) never has to kill it.
struct SystemdStopping: Service {
    let notifier: SystemdNotifier
    let deadline: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: the group is ending for another reason
        }
        notifier.stopping()
        let logger = logger
        let seconds = Double(deadline.components.seconds)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            logger.warning(
                "shutdown took longer than its budget; exiting now, files still in work/ are finished at the next start",
                metadata: ["budget": "\(Int(seconds)) s"])
            exit(EXIT_SUCCESS)
        }
    }
}
