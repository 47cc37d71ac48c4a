/// What ``GazetteDatabase/ingest(_:)`` did.
public enum IngestOutcome: Sendable, Equatable {
    /// New article rows with these ids (one per article of the file, in its order), and
    /// everything hanging off them, were committed.
    case stored(ids: [Int64])
    /// The same bytes (same SHA-256) were already stored under this id: a sighting was recorded
    /// and nothing else was written.
    case duplicate(id: Int64)

    /// The (first) article's id either way.
    public var id: Int64 {
        switch self {
        case .stored(let ids): ids[0]
        case .duplicate(let id): id
        }
    }
}
