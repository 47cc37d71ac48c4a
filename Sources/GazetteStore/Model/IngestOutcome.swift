/// What ``GazetteDatabase/ingest(_:)`` did.
public enum IngestOutcome: Sendable, Equatable {
    /// A new article row with this id, and everything hanging off it, was committed.
    case stored(id: Int64)
    /// The same bytes (same SHA-256) were already stored under this id: a sighting was recorded
    /// and nothing else was written.
    case duplicate(id: Int64)

    /// The article's id either way.
    public var id: Int64 {
        switch self {
        case .stored(let id), .duplicate(let id): id
        }
    }
}
