import Foundation
import GazetteFiles
import GazetteStore
import Glibc
import Synchronization
import SystemPackage

/// An original kept in `archive/YYYY/MM/DD/`, as `gazette rebuild` reads it again.
public struct ArchivedFile: Sendable, Equatable {
    /// The full path.
    public let path: String
    /// The path below `archive/`, as listed to the user.
    public let relativePath: String
    /// When the file was archived, which becomes the article's ingest time: the inode's change
    /// time (set by the rename into the archive) when it falls on the folder's UTC day, else
    /// the start of that day (a copied or restored archive), else the change time.
    public let archivedAt: Date

    public var name: String { IngestPipeline.fileName(relativePath) }

    /// The file at `relativePath` below `archive`, when it is a regular file.
    public init?(archive: String, relativePath: String) {
        let path = archive + "/" + relativePath
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.path = path
        self.relativePath = relativePath
        let changed = Date(
            timeIntervalSince1970: TimeInterval(status.st_ctim.tv_sec) + TimeInterval(status.st_ctim.tv_nsec) / 1e9)
        guard let day = Self.day(of: relativePath) else {
            archivedAt = changed
            return
        }
        archivedAt = (day..<day.addingTimeInterval(86_400)).contains(changed) ? changed : day
    }

    /// The UTC midnight of `YYYY/MM/DD/NAME`, nil for a path not in that layout.
    static func day(of relativePath: String) -> Date? {
        let parts = relativePath.split(separator: "/")
        guard parts.count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// The regular files below `archive`, as paths relative to it in sorted order (so oldest day
    /// first); dotfiles and names that are not UTF-8 are left out, and nothing is renamed.
    public static func list(_ archive: String) throws(IntakeError) -> [String] {
        var result: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let folder = relative.isEmpty ? archive : archive + "/" + relative
            guard let directory = opendir(folder) else {
                if relative.isEmpty { throw .cannotListDirectory(path: folder, reason: Errno.current.description) }
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                guard let name = String(validating: bytes, as: UTF8.self), !name.hasPrefix(".") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(archive + "/" + child, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: folders.append(child)
                case S_IFREG: result.append(child)
                default: continue
                }
            }
        }
        return result.sorted()
    }
}

extension IngestService {
    /// Stores the article of one original from `archive/` unless its bytes are already stored:
    /// `gazette rebuild`. The file is read where it is and never moved or changed; the article
    /// records it as its archive path and counts as ingested when the file was archived.
    public func rebuild(_ file: ArchivedFile) async -> FileOutcome {
        let outcome = await BlockingWork.run { [pipeline, inbox = configuration.inbox] in
            pipeline.process(
                file.path, receivedPath: inbox + "/" + file.name, origin: .archived, arrival: file.archivedAt)
        }
        state.withLock { $0.counters.count(outcome) }
        return outcome
    }
}
