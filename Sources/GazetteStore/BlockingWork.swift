import Dispatch

/// Runs blocking work — file reads, extraction, SQLite writes, digest rendering — on a Dispatch
/// thread, so that Swift's cooperative pool (one thread per core) stays free for the watcher,
/// the systemd heartbeat and signal handling however long the work takes.
///
/// Shared by the intake and the digest scheduler; it lives here because both depend on the store.
package enum BlockingWork {
    package static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { () throws(E) -> T in try body() })
            }
        }
        return try result.get()
    }
}
