import GazetteFiles
import Glibc
import Synchronization
import SystemPackage

/// Moves directory entries by `rename`, never replacing an entry already at the destination.
///
/// A taken name gets a counter before its extension: `report.txt`, `report (1).txt`,
/// `report (2).txt`. Choosing the name and renaming happen under one lock, or the name is
/// reserved under it (``reserve(in:name:)``), so concurrent workers in this process never pick
/// the same destination.
enum FileMover {
    /// Destinations reserved for renames still to come; guarded with the choosing of names.
    private static let lock = Mutex(Set<String>())

    /// Renames `source` into `directory` under `name` or the first free variant of it, and
    /// returns the path it now has. Throws the error of a failed `rename` (`EXDEV` when the
    /// folders are on different filesystems, `ENOENT` when the source is gone).
    static func move(_ source: String, into directory: String, name: String) throws(Errno) -> String {
        try lock.withLock { reserved throws(Errno) -> String in
            let destination = freeDestination(in: directory, name: name, reserved: reserved)
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
        try lock.withLock { reserved in
            let destination = freeDestination(in: directory, name: name, reserved: reserved)
            try announce(destination)
            guard rename(source, destination) == 0 else { throw Errno.current }
            return destination
        }
    }

    /// Chooses the destination in `directory` now, for a rename that comes later: no other move
    /// of this process takes that name until the reservation is used or dropped. The intake
    /// stores an article with its archive path and renames after the commit, without holding
    /// the lock across the commit.
    static func reserve(in directory: String, name: String) -> Reservation {
        lock.withLock { reserved in
            let destination = freeDestination(in: directory, name: name, reserved: reserved)
            reserved.insert(destination)
            return Reservation(destination: destination)
        }
    }

    /// A destination kept free for one rename; released when used or dropped.
    final class Reservation: Sendable {
        let destination: String

        fileprivate init(destination: String) { self.destination = destination }

        /// Renames `source` to the reserved destination. Throws the rename's `Errno`.
        func move(_ source: String) throws(Errno) {
            guard rename(source, destination) == 0 else { throw .current }
        }

        deinit {
            _ = FileMover.lock.withLock { [destination] reserved in reserved.remove(destination) }
        }
    }

    private static func freeDestination(in directory: String, name: String, reserved: Set<String>) -> String {
        var attempt = 0
        while true {
            let path = directory + "/" + variant(of: name, attempt)
            if !reserved.contains(path), FileStatus.find(path) == nil { return path }
            attempt += 1
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
