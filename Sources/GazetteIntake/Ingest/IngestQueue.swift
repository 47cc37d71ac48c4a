import DequeModule
import Synchronization

/// The bounded hand-over between the producers (startup scan, watcher, rescans) and the
/// ingest workers.
///
/// A path already waiting is not queued again, so a file reported by both a rescan and the
/// watcher is claimed once. A path a worker has taken can be queued again: a new file may
/// arrive under the same name while the first is being ingested. When the queue is full, ``push(_:)`` waits and
/// ``offer(_:)`` declines, so memory stays flat however many files arrive at once.
final class IngestQueue: Sendable {
    enum Item: Hashable, Sendable {
        /// A file in the inbox, not yet claimed.
        case inbox(path: String)
        /// A file found in `work/` at startup: claimed before a crash or a kill.
        case recovered(path: String)

        var path: String {
            switch self {
            case .inbox(let path), .recovered(let path): path
            }
        }
    }

    enum OfferResult: Equatable {
        case added, alreadyQueued, full, finished
    }

    private struct State {
        var items = Deque<Item>()
        /// Paths waiting.
        var waiting = Set<String>()
        var consumers = Deque<(id: UInt64, continuation: CheckedContinuation<Item?, Never>)>()
        var producers = Deque<(id: UInt64, continuation: CheckedContinuation<Void, Never>)>()
        var nextID: UInt64 = 0
        var finished = false
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Files waiting for a worker.
    var count: Int { state.withLock { $0.items.count } }

    /// Adds `item` without waiting.
    func offer(_ item: Item) -> OfferResult {
        let (result, consumer) = state.withLock { state -> (OfferResult, CheckedContinuation<Item?, Never>?) in
            if state.finished { return (.finished, nil) }
            if state.waiting.contains(item.path) { return (.alreadyQueued, nil) }
            if let consumer = state.consumers.popFirst() { return (.added, consumer.continuation) }
            if state.items.count >= capacity { return (.full, nil) }
            state.items.append(item)
            state.waiting.insert(item.path)
            return (.added, nil)
        }
        consumer?.resume(returning: item)
        return result
    }

    /// Adds `item`, waiting while the queue is full. Returns false once the queue is finished
    /// or the caller is cancelled.
    func push(_ item: Item) async -> Bool {
        while true {
            switch offer(item) {
            case .added, .alreadyQueued: return true
            case .finished: return false
            case .full: break
            }
            guard await waitForSpace(), !Task.isCancelled else { return false }
        }
    }

    /// The next item, waiting for one; nil once the queue is finished or the caller is cancelled.
    func next() async -> Item? {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Item?, Never>) in
                let (item, producer) = state.withLock { state -> (Item??, CheckedContinuation<Void, Never>?) in
                    if let item = state.items.popFirst() {
                        state.waiting.remove(item.path)
                        return (item, state.producers.popFirst()?.continuation)
                    }
                    if state.finished || Task.isCancelled { return (.some(nil), nil) }
                    state.consumers.append((id, continuation))
                    return (nil, nil)
                }
                producer?.resume()
                if let item { continuation.resume(returning: item) }
            }
        } onCancel: {
            let consumer = state.withLock { state in
                state.consumers.firstIndex { $0.id == id }.map { state.consumers.remove(at: $0).continuation }
            }
            consumer?.resume(returning: nil)
        }
    }

    /// Stops the queue: waiting items are dropped (they are still in the inbox or `work/` and
    /// are found again at the next start), waiting workers and producers return.
    func finish() {
        let (consumers, producers) = state.withLock { state in
            state.finished = true
            state.items.removeAll()
            state.waiting.removeAll()
            defer {
                state.consumers.removeAll()
                state.producers.removeAll()
            }
            return (state.consumers.map(\.continuation), state.producers.map(\.continuation))
        }
        for consumer in consumers { consumer.resume(returning: nil) }
        for producer in producers { producer.resume() }
    }

    /// Waits until a worker takes an item or the queue finishes; false when cancelled.
    private func waitForSpace() async -> Bool {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if state.finished || state.items.count < capacity || Task.isCancelled { return true }
                    state.producers.append((id, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let producer = state.withLock { state in
                state.producers.firstIndex { $0.id == id }.map { state.producers.remove(at: $0).continuation }
            }
            producer?.resume()
        }
        return !Task.isCancelled
    }
}
