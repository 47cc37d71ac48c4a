import Foundation

/// Where, when and how digests are written.
public struct DigestConfiguration: Sendable, Equatable {
    /// Folder of `YYYY-MM-DD.*`, `latest.*`, `digests.atom` and the scheduler's state file.
    public var directory: String
    /// Local times of day a scheduled digest is written at.
    public var times: [TimeOfDay] = [TimeOfDay(hour: 7, minute: 0)]
    /// Zone of `times` and of the days digests are named after; nil is the machine's zone.
    public var timeZone: TimeZone?
    /// How far back a scheduled digest reaches when no previous digest is known, and what
    /// `gazette digest` covers without a window option.
    public var window: Duration = .seconds(24 * 3600)
    public var formats: [DigestFormat] = DigestFormat.allCases
    /// Digests kept on disk, oldest removed first; 0 keeps all.
    public var keep = 90
    /// Digests whose window ended more than this many days ago are removed; 0 keeps them
    /// whatever their age.
    public var keepDays = 0
    /// Where the digest folder is published; the Atom feed's links are made absolute against it
    /// (against the folder's `file://` URL when nil).
    public var baseURL: URL?
    /// Folder whose `digest.md.mustache` / `digest.html.mustache` replace the built-in templates.
    public var templateDirectory: String?

    public init(directory: String) {
        self.directory = directory
    }

    /// The configured zone, or the machine's.
    public var resolvedTimeZone: TimeZone { timeZone ?? .current }
}
