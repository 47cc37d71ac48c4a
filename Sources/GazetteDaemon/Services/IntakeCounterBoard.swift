import GazetteIntake
import Synchronization

/// What every intake run of this daemon has done, the current run included, for systemd's
/// `STATUS=` line. The intake is restarted on reloads, so counts are kept across runs here.
final class IntakeCounterBoard: Sendable {
    private let state = Mutex<(finished: IntakeCounters, current: IngestService?)>((IntakeCounters(), nil))

    func running(_ service: IngestService) {
        state.withLock { $0.current = service }
    }

    func finished(_ service: IngestService) {
        state.withLock { state in
            state.finished.add(service.counters)
            state.current = nil
        }
    }

    var total: IntakeCounters {
        state.withLock { state in
            var total = state.finished
            if let current = state.current?.counters { total.add(current) }
            return total
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
        trouble = other.trouble
    }
}
