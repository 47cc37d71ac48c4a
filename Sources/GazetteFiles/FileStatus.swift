import Foundation
import Glibc
import SystemPackage

/// What `stat`/`lstat` says about a path, in the units the rest of Gazette uses.
package struct FileStatus: Sendable {
    package let type: FileType
    package let size: Int
    /// The modification time, to the nanosecond.
    package let modified: Date
    /// The modification time in nanoseconds since 1970, for exact comparisons.
    package let modifiedNanoseconds: Int
    package let device: UInt64
    package let linkCount: Int

    package init(_ stat: Stat) {
        type = stat.type
        size = Int(stat.size)
        let time = stat.rawValue.st_mtim
        modifiedNanoseconds = Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
        modified = Date(timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1e9)
        device = UInt64(stat.rawValue.st_dev)
        linkCount = Int(stat.linkCount)
    }

    /// The status of `path`; of a symbolic link itself unless `followingSymlink`.
    package static func of(_ path: String, followingSymlink: Bool = false) throws(Errno) -> FileStatus {
        FileStatus(try FilePath(path).stat(followTargetSymlink: followingSymlink))
    }

    /// The status of `path`, or nil when it cannot be read (missing, no permission).
    package static func find(_ path: String, followingSymlink: Bool = false) -> FileStatus? {
        try? of(path, followingSymlink: followingSymlink)
    }

    package var isRegularFile: Bool { type == .regular }
    package var isDirectory: Bool { type == .directory }
}

extension Errno {
    /// The `errno` the last failed C call left.
    package static var current: Errno { Errno(rawValue: errno) }
}
