/// What the intake has done since it started: for systemd `STATUS=` lines and `gazette status`.
public struct IntakeCounters: Sendable, Equatable {
    /// New articles stored.
    public var ingested = 0
    /// Files whose bytes were already stored (a sighting was recorded).
    public var duplicates = 0
    /// Files refused and moved to `failed/`.
    public var failed = 0
    /// Files found in `work/` at startup whose article was already stored, only archived.
    public var recovered = 0
    /// Files left in `work/` because the store could not be written.
    public var deferred = 0
    /// Files waiting for a worker.
    public var queued = 0

    public init() {}

    mutating func count(_ outcome: FileOutcome) {
        switch outcome {
        case .stored: ingested += 1
        case .duplicate: duplicates += 1
        case .recovered: recovered += 1
        case .failed: failed += 1
        case .deferred: deferred += 1
        case .vanished: break
        }
    }
}
