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
    /// Files left in `work/` (or the inbox) because the store could not be written.
    public var deferred = 0
    /// Files waiting for a worker.
    public var queued = 0
    /// Files in `work/` being retried after a transient failure, with its reason: while this
    /// is not empty the store or the disk is unhealthy and no new file is claimed.
    public var trouble: [String: String] = [:]

    /// Whether the store and the disk were fine for the last files.
    public var isHealthy: Bool { trouble.isEmpty }

    public init() {}

    mutating func count(_ outcome: FileOutcome) {
        switch outcome {
        case .stored: ingested += 1
        case .duplicate: duplicates += 1
        case .recovered: recovered += 1
        case .failed: failed += 1
        case .deferred, .stopped: deferred += 1
        case .vanished: break
        }
    }
}
