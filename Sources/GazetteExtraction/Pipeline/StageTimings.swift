/// Time spent in each step of the pipeline, summed over the extractions it was passed to
/// (``Extractor/extract(_:options:timings:)``); for benchmarks.
///
/// Steps are listed in the order they first ran: the front (`decode`, `format`, `clean-up`),
/// `text` (tokens, sentences, paragraphs), one entry per analysis stage, and `record` (title
/// lede, language, word count, SimHash, SHA-256).
public struct StageTimings: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var duration: Duration
    }

    public private(set) var entries: [Entry] = []
    /// Told the name of each step as it begins: the intake writes it into the file's attempt
    /// marker, so that a file that crashes Gazette is reported with the step it crashed in.
    let onStep: (@Sendable (String) -> Void)?

    public init(onStep: (@Sendable (String) -> Void)? = nil) {
        self.onStep = onStep
    }

    public var total: Duration { entries.reduce(.zero) { $0 + $1.duration } }

    /// Runs `body`, adding its time to the entry `name`.
    @inline(__always)
    mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        onStep?(name)
        let start = ContinuousClock.now
        defer { add(ContinuousClock.now - start, to: name) }
        return try body()
    }

    mutating func add(_ duration: Duration, to name: String) {
        if let i = entries.firstIndex(where: { $0.name == name }) {
            entries[i].duration += duration
        } else {
            entries.append(Entry(name: name, duration: duration))
        }
    }
}

extension Optional where Wrapped == StageTimings {
    /// Runs `body`, timing it only when there are timings to fill.
    @inline(__always)
    mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard self != nil else { return try body() }
        return try self!.measure(name, body)
    }
}
