/// Where the intake takes files from, what it takes, and how hard it works.
///
/// Every property has a default that works from the repository root; the daemon fills the
/// struct from `config/gazette.yaml`, `GAZETTE_*` variables and flags.
public struct IntakeConfiguration: Sendable, Equatable {
    /// What happens to an article's original file once its row is committed.
    public enum AfterIngest: String, Sendable, Equatable, CaseIterable {
        /// Moved to `archive/YYYY/MM/DD/NAME` under the state directory.
        case archive
        /// Removed; the store keeps the raw bytes.
        case delete
    }

    /// How new files in the inbox are noticed.
    public enum WatchMode: String, Sendable, Equatable, CaseIterable {
        /// Linux inotify: immediate, for local filesystems.
        case inotify
        /// A directory listing every ``IntakeConfiguration/pollInterval``: for NFS, SMB and
        /// other filesystems that do not report changes made by other machines.
        case poll
    }

    /// The folder users drop articles into.
    public var inbox: String = "inbox"
    /// Holds `work/` (files being ingested), `archive/` and `failed/`. Must be on the same
    /// filesystem as the inbox, because files are claimed by an atomic `rename`.
    public var stateDirectory: String = "state"
    /// Globs (`fnmatch` syntax) a file name must match to be taken; empty means all.
    public var includePatterns: [String] = ["*"]
    /// Globs for names to leave alone, on top of dotfiles and partial downloads
    /// (see ``FileNameFilter``).
    public var ignorePatterns: [String] = []
    /// Larger files are refused and quarantined.
    public var maxFileSize: Int = 20 * 1024 * 1024
    /// Files extracted at the same time; up to four times as many are in progress, waiting for
    /// the commit they share.
    public var concurrency: Int = 2
    /// Files of at least this many bytes are processed one at a time (small ones go on
    /// meanwhile), each followed by `malloc_trim`, so that the daemon's peak memory is that of
    /// one large file (issue 14.17; ``ExtractionGate``).
    public var largeFileSize: Int = 1 << 20
    public var afterIngest: AfterIngest = .archive
    public var watchMode: WatchMode = .inotify
    /// How often ``WatchMode/poll`` lists the inbox.
    public var pollInterval: Duration = .seconds(2)
    /// A full rescan of the inbox as a safety net against missed events.
    public var rescanInterval: Duration = .seconds(300)
    /// A rescan leaves alone files modified more recently than this: they may still be being
    /// written (inotify reports them when closed; the rescan looks again after this delay).
    public var settleTime: Duration = .seconds(1)
    /// Whether files in subfolders of the inbox are taken too.
    public var recursive: Bool = false
    /// File names waiting for a worker; beyond it producers wait (watcher events turn into a
    /// later rescan), so memory stays flat however many files arrive at once.
    public var queueCapacity: Int = 1024
    /// How many times the process may die while one file is being extracted before the file
    /// is quarantined instead of tried again (see ``AttemptLedger``). At least 2.
    public var maxAttempts: Int = 3

    public init() {}

    public init(inbox: String, stateDirectory: String) {
        self.inbox = inbox
        self.stateDirectory = stateDirectory
    }

    public var workDirectory: String { stateDirectory + "/work" }
    public var archiveDirectory: String { stateDirectory + "/archive" }
    public var failedDirectory: String { stateDirectory + "/failed" }
    /// One marker per file whose extraction is under way: see ``AttemptLedger``.
    public var attemptsDirectory: String { stateDirectory + "/attempts" }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
