import Foundation
import GazetteFiles
import GazetteStore
import Logging

/// Writes a digest at every configured local time, over the window since the previous one.
///
/// At startup, a digest whose time passed while the daemon was down is written once, covering
/// everything since the last one written. The end of the last window is kept in the digest
/// folder, so a window is never written twice, whatever restarts happen.
///
/// `run()` lasts until its task is cancelled; the daemon runs it in its `ServiceGroup` (conform
/// with `extension DigestScheduler: Service {}` and wrap in `cancelWhenGracefulShutdown`).
/// It sleeps on the continuous clock; wall-clock time comes from `now`, which tests inject.
public struct DigestScheduler: Sendable {
    /// Longest single sleep: wall-clock jumps (suspend, NTP, DST) are noticed within it.
    static var longestSleep: Duration { .seconds(300) }

    public let configuration: DigestConfiguration
    public let database: any ArticleStore
    public let logger: Logger
    public let now: @Sendable () -> Date
    let clock = ContinuousClock()

    public init(
        configuration: DigestConfiguration, database: any ArticleStore, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.configuration = configuration
        self.database = database
        self.logger = logger
        self.now = now
    }

    /// Catches up, then sleeps until each due time and writes its digest, until cancelled.
    /// Throws only when the templates cannot be loaded (the configuration loader checked them,
    /// but the files may have changed since).
    public func run() async throws {
        // Building, rendering and writing block: they run off the cooperative pool.
        let prepared = try await BlockingWork.run { [self] () throws -> Prepared in try prepare() }
        await BlockingWork.run { [self] in
            // What a killed predecessor was writing goes now, not at the next digest.
            AtomicFile.removeAbandonedTemporaries(in: configuration.directory)
            write(prepared, at: now(), startup: true)
        }
        while !Task.isCancelled {
            let current = now()
            guard let next = prepared.schedule.next(after: current) else { return }
            let wait = min(Duration.seconds(next.timeIntervalSince(current)), Self.longestSleep)
            do {
                try await clock.sleep(for: wait)
            } catch {
                return
            }
            if now() >= next { await BlockingWork.run { [self] in write(prepared, at: now(), startup: false) } }
        }
    }

    /// Writes the digest due at `date`, if any; returns its window. At startup, nothing is
    /// written before a first digest is on record: there is no telling the daemon was down.
    @discardableResult
    public func writeDue(at date: Date, startup: Bool) throws -> DigestWindow? {
        try writeDue(prepare(), at: date, startup: startup)
    }

    struct Prepared: Sendable {
        var schedule: DigestSchedule
        var producer: DigestProducer
        /// Several digests a day are named with their time.
        var withTime: Bool
    }

    func prepare() throws -> Prepared {
        let times = Set(configuration.times).sorted()
        return Prepared(
            schedule: DigestSchedule(times: times, timeZone: configuration.resolvedTimeZone),
            producer: try DigestProducer(configuration: configuration, database: database, now: now),
            withTime: times.count > 1)
    }

    private func write(_ prepared: Prepared, at date: Date, startup: Bool) {
        do {
            _ = try writeDue(prepared, at: date, startup: startup)
        } catch {
            logger.error("digest failed", metadata: ["error": "\(error)"])
        }
    }

    private func writeDue(_ prepared: Prepared, at date: Date, startup: Bool) throws -> DigestWindow? {
        guard let slot = prepared.schedule.previous(atOrBefore: date) else { return nil }
        let last = DigestState.load(from: configuration.directory)?.lastUntil
        if last == nil, startup { return nil }
        if let last, slot <= last { return nil }
        let window = DigestWindow(
            since: last ?? slot.addingTimeInterval(-TimeInterval(configuration.window.components.seconds)), until: slot)
        let digest = try prepared.producer.build(window)
        let stem = prepared.producer.stem(for: window, withTime: prepared.withTime)
        let paths = try prepared.producer.write(digest, window: window, withTime: prepared.withTime)
        try DigestState(lastUntil: slot).save(to: configuration.directory)
        logger.info(
            "digest written",
            metadata: [
                "digest.stem": "\(stem)", "digest.articles": "\(digest.articles.count)",
                "digest.files": "\(paths.count)", "digest.catch_up": "\(startup)",
            ])
        return window
    }
}
