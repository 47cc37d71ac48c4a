import Foundation

/// Checks `condition` every 20 ms until it holds or `timeout` seconds pass; sleeps without
/// holding a thread, so waiting tests never starve the cooperative pool.
public func eventually(timeout: TimeInterval = 60, _ condition: () -> Bool) async -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
