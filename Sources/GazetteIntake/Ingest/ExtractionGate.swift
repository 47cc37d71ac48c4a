import Dispatch

/// What bounds the intake's memory: at most ``IntakeConfiguration/concurrency`` extractions at
/// once, and of the files in progress at most one large one (``IntakeConfiguration/largeFileSize``).
///
/// A large file's extraction takes hundreds of megabytes, so two at once would double the peak
/// (issue 14.17). A large file therefore waits for its turn before its bytes are read, and keeps
/// it until its processing returns: through the extraction, the commit and the `malloc_trim`
/// that gives its memory back, so the next large file starts from a process that has shrunk
/// again. Small files never wait for the turn and go on meanwhile. The turn is always taken
/// before an extraction slot, never while holding one, so the two cannot deadlock.
struct ExtractionGate: Sendable {
    /// Files of at least this many bytes wait for the large-file turn.
    let largeFileSize: Int
    private let slots: DispatchSemaphore
    private let largeFileTurn = DispatchSemaphore(value: 1)

    init(concurrency: Int, largeFileSize: Int) {
        self.slots = DispatchSemaphore(value: max(1, concurrency))
        self.largeFileSize = largeFileSize
    }

    func isLarge(_ size: Int) -> Bool { size >= largeFileSize }

    /// Runs `body`, in the large-file turn when a file of `size` bytes is large: waits until
    /// the large file before it has finished.
    func inTurn<T, E: Error>(forSize size: Int, _ body: () throws(E) -> T) throws(E) -> T {
        guard isLarge(size) else { return try body() }
        largeFileTurn.wait()
        defer { largeFileTurn.signal() }
        return try body()
    }

    /// Runs `body` (an extraction) once fewer than `concurrency` extractions are running.
    func inSlot<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        slots.wait()
        defer { slots.signal() }
        return try body()
    }
}
