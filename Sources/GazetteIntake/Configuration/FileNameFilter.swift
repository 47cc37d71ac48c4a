import Glibc

/// Decides from its name alone whether an inbox entry is for Gazette yet.
///
/// Dotfiles and partial names (`*.part`, `*.tmp`, `*.crdownload`, `*.swp`, a `~` suffix) are
/// always left alone: browsers and editors write under such names and rename the finished file
/// into place, and the rename is what the watcher then sees.
public struct FileNameFilter: Sendable, Equatable {
    public static let partialSuffixes = [".part", ".tmp", ".crdownload", ".swp", "~"]

    public var includePatterns: [String]
    public var ignorePatterns: [String]

    public init(includePatterns: [String] = ["*"], ignorePatterns: [String] = []) {
        self.includePatterns = includePatterns
        self.ignorePatterns = ignorePatterns
    }

    public init(_ configuration: IntakeConfiguration) {
        self.init(includePatterns: configuration.includePatterns, ignorePatterns: configuration.ignorePatterns)
    }

    /// Whether the entry called `name` (a last path component) should be taken.
    public func accepts(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") { return false }
        let lowered = name.lowercased()
        if Self.partialSuffixes.contains(where: { lowered.hasSuffix($0) }) { return false }
        if ignorePatterns.contains(where: { Self.matches(name, $0) }) { return false }
        return includePatterns.isEmpty || includePatterns.contains(where: { Self.matches(name, $0) })
    }

    private static func matches(_ name: String, _ pattern: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}
