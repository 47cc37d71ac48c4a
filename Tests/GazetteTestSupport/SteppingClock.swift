import Foundation
import Synchronization

/// A wall clock for tests that starts at a fixed instant and advances by `step` on every
/// reading, so successive timestamps are distinct and predictable.
public final class SteppingClock: Sendable {
    private let state: Mutex<Date>
    private let step: TimeInterval

    public init(start: Date, step: TimeInterval = 1) {
        state = Mutex(start)
        self.step = step
    }

    public func next() -> Date {
        state.withLock { date in
            defer { date.addTimeInterval(step) }
            return date
        }
    }
}
