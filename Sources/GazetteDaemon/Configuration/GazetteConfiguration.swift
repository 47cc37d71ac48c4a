import Foundation
import GazetteDigest
import Logging

/// Everything Gazette can be configured with, with the defaults that work from the
/// repository root and no configuration file. `config/gazette.yaml` documents each key.
///
/// Precedence: command-line flags > `GAZETTE_*` environment variables > file > defaults.
public struct GazetteConfiguration: Sendable, Equatable {
    /// Folder watched for new article files.
    public var inbox = "./inbox"
    /// Holds `gazette.sqlite`, `archive/`, `failed/` and the `work/` folder of claimed files.
    public var stateDirectory = "./state"
    /// Where digests are written.
    public var digestDirectory = "./digests"
    public var logLevel: Logger.Level = .info
    public var intake = Intake()
    public var digest = Digest()

    public init() {}

    public var databasePath: String { (stateDirectory as NSString).appendingPathComponent("gazette.sqlite") }

    public struct Intake: Sendable, Equatable {
        /// Glob patterns of file names to take; a file must match one.
        public var include = ["*"]
        /// Glob patterns of file names to leave alone (on top of dotfiles and partial downloads).
        public var ignore: [String] = []
        /// Larger files are quarantined.
        public var maxFileSize = 20 * 1024 * 1024
        /// Files ingested at once.
        public var concurrency = 2
        public var afterIngest = AfterIngest.archive
        public var watch = WatchMode.inotify
        /// Seconds between scans in `poll` mode.
        public var pollInterval: Double = 2
        /// Seconds between safety-net rescans of the inbox in `inotify` mode.
        public var rescanInterval: Double = 300
        /// Whether files in subfolders of the inbox are taken too.
        public var recursive = false
        /// Process deaths during one file's extraction before the file is quarantined.
        public var maxAttempts = 3

        public init() {}
    }

    public enum AfterIngest: String, Sendable, Equatable, CaseIterable {
        case archive, delete
    }

    public enum WatchMode: String, Sendable, Equatable, CaseIterable {
        case inotify, poll
    }

    public struct Digest: Sendable, Equatable {
        /// Local times of day at which a digest is written, sorted, without repeats.
        public var times = [TimeOfDay(hour: 7, minute: 0)]
        /// Time zone of `times`; nil means the machine's zone.
        public var timeZone: TimeZone?
        /// How far back a scheduled digest reaches when no earlier digest is known, and what
        /// `gazette digest` covers without a window option, in seconds.
        public var window: Double = 24 * 3600
        /// Number of digests kept on disk (older ones are removed); 0 keeps all.
        public var keep = 90
        /// Digests older than this many days are removed; 0 keeps them whatever their age.
        public var keepDays = 0
        /// Formats written.
        public var formats: [DigestFormat] = [.markdown, .html, .json]
        /// Folder with `digest.md.mustache` / `digest.html.mustache` overriding the built-in templates.
        public var templateDirectory: String?

        public init() {}
    }
}
