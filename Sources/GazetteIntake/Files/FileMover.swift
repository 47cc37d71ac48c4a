import GazetteFiles
import Glibc
import Synchronization
import SystemPackage

/// Moves directory entries by `rename`, never replacing an entry already at the destination.
///
/// A taken name gets a counter before its extension: `report.txt`, `report (1).txt`,
/// `report (2).txt`. Choosing the name and renaming happen under one lock, so concurrent
/// workers in this process never pick the same destination.
enum FileMover {
    private static let lock = Mutex(())

    /// Renames `source` into `directory` under `name` or the first free variant of it, and
    /// returns the path it now has. Throws the error of a failed `rename` (`EXDEV` when the
    /// folders are on different filesystems, `ENOENT` when the source is gone).
    static func move(_ source: String, into directory: String, name: String) throws(Errno) -> String {
        try lock.withLock { _ throws(Errno) -> String in
            let destination = freeDestination(in: directory, name: name)
            guard rename(source, destination) == 0 else { throw .current }
            return destination
        }
    }

    /// The same, calling `announce` with the destination before the rename (still under the
    /// lock, so the name stays free): where the file goes is written down before it gets there,
    /// and a crash in between leaves it at `source`. Throws what `announce` throws, or the
    /// rename's `Errno`.
    static func move(
        _ source: String, into directory: String, name: String, announcing announce: (String) throws -> Void
    ) throws -> String {
        try lock.withLock { _ in
            let destination = freeDestination(in: directory, name: name)
            try announce(destination)
            guard rename(source, destination) == 0 else { throw Errno.current }
            return destination
        }
    }

    private static func freeDestination(in directory: String, name: String) -> String {
        var attempt = 0
        while FileStatus.find(directory + "/" + variant(of: name, attempt)) != nil { attempt += 1 }
        return directory + "/" + variant(of: name, attempt)
    }

    /// `name` for attempt 0, then `stem (n).ext`, the stem shortened when the name would pass
    /// the filesystem's 255 bytes.
    static func variant(of name: String, _ attempt: Int) -> String {
        guard attempt > 0 else { return name }
        let counter = " (\(attempt))"
        let name = FileName.shortened(name, reserving: counter.utf8.count)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot])\(counter)\(name[dot...])"
        }
        return name + counter
    }
}
