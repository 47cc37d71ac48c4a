import Foundation
import GazetteExtraction
import GazetteStore
import Logging
import ServiceLifecycle
import Synchronization

/// The intake as a long-running ``Service``: watches the inbox and ingests every file that
/// arrives, with bounded concurrency and a bounded queue.
///
/// At start it re-processes whatever an interrupted run left in `work/`, queues every file
/// already in the inbox, then follows the watcher, rescanning the whole inbox when the watcher
/// may have lost events (queue overflow, a full queue, a new subfolder) and every
/// ``IntakeConfiguration/rescanInterval``. On graceful shutdown it stops claiming, lets the files
/// in progress finish, and returns; files still queued stay in the inbox for the next start.
///
/// Timers run on the continuous clock.
public final class IngestService: Service {
    public let configuration: IntakeConfiguration
    let pipeline: IngestPipeline
    let filter: FileNameFilter
    let logger: Logger
    let clock = ContinuousClock()
    let onReady: @Sendable () -> Void
    let state = Mutex(RunState())

    struct RunState {
        var counters = IntakeCounters()
        var readySent = false
        /// A queue overflow is a warning once, then a debug line.
        var overflowWarned = false
        var queue: IngestQueue?
    }

    /// - Parameters:
    ///   - onReady: called once, when the inbox is watched, before the startup scan; the daemon
    ///     sends systemd `READY=1` then.
    public init(
        configuration: IntakeConfiguration,
        store: any IntakeStore,
        extractor: any IntakeExtractor,
        logger: Logger,
        onReady: @escaping @Sendable () -> Void = {}
    ) {
        self.configuration = configuration
        self.pipeline = IngestPipeline(
            configuration: configuration, store: store, extractor: extractor, logger: logger)
        self.filter = FileNameFilter(configuration)
        self.logger = logger
        self.onReady = onReady
    }

    /// A snapshot of what the intake has done; safe to read from any thread.
    public var counters: IntakeCounters {
        state.withLock { state in
            var counters = state.counters
            counters.queued = state.queue?.count ?? 0
            return counters
        }
    }

    public func run() async throws {
        try pipeline.folders.prepare(stateDirectory: configuration.stateDirectory)
        let queue = IngestQueue(capacity: configuration.queueCapacity)
        state.withLock { $0.queue = queue }
        // Watch before the startup scan, so a file arriving during the scan is not missed.
        let watcher =
            configuration.watchMode == .inotify
            ? try InotifyWatcher(inbox: configuration.inbox, recursive: configuration.recursive) : nil
        logger.info(
            "intake started",
            metadata: [
                "inbox": "\(configuration.inbox)", "watch": "\(configuration.watchMode.rawValue)",
                "concurrency": "\(configuration.concurrency)",
            ])

        defer { watcher?.stop() }
        try await withGracefulShutdownHandler {
            // A worker that finds the store's file gone throws: the others finish their file and
            // nothing new is claimed.
            try await withThrowingDiscardingTaskGroup { group in
                for _ in 0..<max(1, configuration.concurrency) * Self.workersPerExtraction {
                    group.addTask { try await self.work(queue) }
                }
                group.addTask {
                    try await cancelWhenGracefulShutdown { try await self.watchStore(queue) }
                }
                group.addTask {
                    await cancelWhenGracefulShutdown {
                        await self.produce(into: queue, watcher: watcher)
                    }
                    // Producers end only by shutdown or cancellation; workers then drain nothing new.
                    queue.finish()
                }
            }
        } onGracefulShutdown: {
            queue.finish()
        }
        logger.info("intake stopped")
    }

    /// Workers for each of the `intake.concurrency` extractions that may run at once: the others
    /// wait for their article's commit meanwhile, and the store commits what waits together.
    static let workersPerExtraction = 4

    /// A worker: takes files from the queue until it is finished.
    ///
    /// A file whose ingest failed for a transient reason (the store locked, the disk full, an
    /// I/O error) is tried again with backoff, from 1 s up to ``retryLimit``, by the same
    /// worker: while the trouble lasts the workers stop claiming new files, which stay in the
    /// inbox. At shutdown a file still failing stays in `work/` for the next start. Throws
    /// ``IntakeError/storeLost(reason:)`` when the store's file was deleted or replaced.
    private func work(_ queue: IngestQueue) async throws(IntakeError) {
        while var item = await queue.next() {
            var delay = Duration.seconds(1)
            while true {
                let outcome = await BlockingWork.run { [pipeline, inbox = configuration.inbox, item] in
                    switch item {
                    case .inbox(let path):
                        pipeline.ingest(inboxPath: path)
                    case .recovered(let path):
                        pipeline.process(
                            path, receivedPath: inbox + "/" + IngestPipeline.fileName(path), origin: .recovered)
                    }
                }
                if case .stopped(let reason, _) = outcome {
                    settle(outcome, of: item)
                    logger.critical("the database file is gone; the intake stops", metadata: ["error": "\(reason)"])
                    queue.finish()
                    throw .storeLost(reason: reason)
                }
                guard case .deferred(let reason, let retry?) = outcome else {
                    settle(outcome, of: item)
                    break
                }
                // Unhealthy from the first failure on, so that the status says so during the wait.
                state.withLock { $0.counters.trouble[retry] = reason }
                guard await pause(delay) else {
                    settle(outcome, of: .recovered(path: retry))
                    break
                }
                item = .recovered(path: retry)
                delay = min(delay * 2, Self.retryLimit)
            }
        }
    }

    /// How often an idle intake checks that the store's file is still the one it opened.
    static let storeCheckInterval = Duration.seconds(2)

    /// Checks the store's file every ``storeCheckInterval`` until cancelled, so that a database
    /// deleted or replaced while no file arrives stops the intake as promptly as one a worker
    /// finds: throws ``IntakeError/storeLost(reason:)``.
    private func watchStore(_ queue: IngestQueue) async throws(IntakeError) {
        while (try? await clock.sleep(for: Self.storeCheckInterval)) != nil {
            let lost: String? = await BlockingWork.run { [pipeline] in
                do {
                    try pipeline.store.checkFileInPlace()
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            guard let reason = lost else { continue }
            logger.critical("the database file is gone; the intake stops", metadata: ["error": "\(reason)"])
            queue.finish()
            throw .storeLost(reason: reason)
        }
    }

    /// Counts a file's final outcome; a file that was being retried is no longer a trouble.
    private func settle(_ outcome: FileOutcome, of item: IngestQueue.Item) {
        state.withLock { state in
            state.counters.count(outcome)
            if case .recovered(let path) = item { state.counters.trouble.removeValue(forKey: path) }
        }
    }

    /// Longest wait between two tries of a file that failed for a transient reason.
    static let retryLimit = Duration.seconds(60)

    /// Sleeps `delay` unless the service is shutting down; false when it is.
    private func pause(_ delay: Duration) async -> Bool {
        try? await cancelWhenGracefulShutdown { [clock] in try await clock.sleep(for: delay) }
        return !(Task.isCancelled || Task.isShuttingDownGracefully)
    }
}
