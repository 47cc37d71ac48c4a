/// Where one file ended up.
public enum FileOutcome: Sendable, Equatable {
    /// Stored as new articles (one, or one per article of a feed, mailbox, JSON array or
    /// digest, in the file's order); `path` is the file's archive path, or nil when deleted or kept.
    case stored(articleIDs: [Int64], path: String?)
    /// The bytes were already stored; a sighting was recorded (of the file's first article).
    case duplicate(articleID: Int64, path: String?)
    /// Found in `work/` after a crash with its bytes (all its articles) already stored: only archived.
    case recovered(articleID: Int64, path: String?)
    /// Refused; `path` is where it was quarantined, nil when left in place.
    case failed(IntakeRefusal, path: String?)
    /// Gone before it could be claimed (taken by another worker, or removed).
    case vanished
    /// The store or the disk failed (locked, full, I/O): a transient trouble, not the file's.
    /// `retry` is the file in `work/` to process again once it passes (the daemon retries it with
    /// backoff; otherwise the next start does), nil when the file was left where it was.
    case deferred(reason: String, retry: String?)
    /// The store's file was deleted or replaced under the running process: nothing more can be
    /// stored, and the intake stops. The file was left where it was (`path`: in `work/`, or
    /// nil when it was still in the inbox) for the next start.
    case stopped(reason: String, path: String?)

    var isDeferred: Bool {
        if case .deferred = self { return true }
        return false
    }
}
