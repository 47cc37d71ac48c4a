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
            var attempt = 0
            while true {
                let destination = directory + "/" + variant(of: name, attempt)
                if FileStatus.find(destination) != nil {
                    attempt += 1
                    continue
                }
                guard rename(source, destination) == 0 else { throw .current }
                return destination
            }
        }
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
