/// What a watcher reports about the inbox.
enum WatchEvent: Sendable, Equatable {
    /// An entry was written and closed, or moved in, at this path.
    case entry(path: String)
    /// Events may have been lost (inotify queue overflow, a new subfolder): list everything.
    case rescan
}
