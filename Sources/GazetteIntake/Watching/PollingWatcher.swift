import GazetteFiles
import Glibc

/// Lists the inbox every interval and reports entries whose size and modification time did not
/// change since the previous listing: for filesystems without inotify (NFS, SMB).
///
/// Requiring two equal looks stands in for inotify's `IN_CLOSE_WRITE`: a file still being
/// copied in keeps changing and is not reported until it stops.
struct PollingWatcher: Sendable {
    let listing: DirectoryListing
    let interval: Duration
    let clock = ContinuousClock()

    private struct Look: Equatable {
        let size: Int
        let modified: Int
    }

    /// Polls until cancelled, handing each settled entry to `report`.
    func run(_ report: (WatchEvent) async -> Void) async {
        var previous: [String: Look] = [:]
        while !Task.isCancelled {
            do {
                try await clock.sleep(for: interval)
            } catch {
                return
            }
            guard let entries = try? listing.entries() else { continue }
            var current: [String: Look] = [:]
            for entry in entries {
                guard let status = FileStatus.find(entry.path) else { continue }
                let look = Look(size: status.size, modified: status.modifiedNanoseconds)
                current[entry.path] = look
                if previous[entry.path] == look { await report(.entry(path: entry.path)) }
            }
            previous = current
        }
    }
}
