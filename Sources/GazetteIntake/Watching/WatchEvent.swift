/// What a watcher reports about the inbox.
enum WatchEvent: Sendable, Equatable {
    /// An entry was written and closed, or moved in, at this path.
    case entry(path: String)
    /// Events may have been lost (a new subfolder): list everything.
    case rescan
    /// The kernel's event queue overflowed: events were lost, list everything.
    case overflow
    /// The inbox itself was deleted or moved away: nothing is watched until it is back
    /// (``InotifyWatcher/rearm()``).
    case inboxLost
}
