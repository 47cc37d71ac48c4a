import Dispatch

/// Runs a file's ingest — blocking reads, extraction, SQLite writes — on a Dispatch thread, so
/// that Swift's cooperative pool (one thread per core) stays free for the watcher, the
/// systemd heartbeat and signal handling however long a large file takes.
enum BlockingWork {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: body()) }
        }
    }
}
