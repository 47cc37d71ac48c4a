import Foundation
import GazetteFiles
import Glibc
import SystemPackage

/// The inbox and the state directory's `work/`, `archive/` and `failed/` folders.
///
/// A file is always in exactly one of them: the inbox until claimed, `work/` while it is
/// ingested, then `archive/` (or deleted) after its row is committed, or `failed/` with an
/// `.error.json` beside it.
struct IntakeFolders: Sendable {
    let inbox: String
    let work: String
    let archive: String
    let failed: String
    /// Markers of the files in `work/` being extracted: see ``AttemptLedger``.
    let attempts: String

    init(_ configuration: IntakeConfiguration) {
        inbox = configuration.inbox
        work = configuration.workDirectory
        archive = configuration.archiveDirectory
        failed = configuration.failedDirectory
        attempts = configuration.attemptsDirectory
    }

    /// Creates the folders and checks that claiming from the inbox by `rename` can work.
    func prepare(stateDirectory: String, checkInbox: Bool = true) throws(IntakeError) {
        for path in [work, archive, failed, attempts] { try Self.makeDirectories(path) }
        guard checkInbox else { return }
        try Self.makeDirectories(inbox)
        if let inboxStatus = FileStatus.find(inbox, followingSymlink: true),
            let workStatus = FileStatus.find(work, followingSymlink: true), inboxStatus.device != workStatus.device
        {
            throw .differentFilesystems(inbox: inbox, stateDirectory: stateDirectory)
        }
    }

    /// `archive/YYYY/MM/DD` for the UTC day of `date`, created if missing.
    func archiveDay(for date: Date) throws(IntakeError) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        let path = archive + "/" + String(format: "%04d/%02d/%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        try Self.makeDirectories(path)
        return path
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(IntakeError) {
        if FileStatus.find(path, followingSymlink: true)?.isDirectory == true { return }
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .cannotCreateDirectory(path: path, reason: Errno.current.description)
            }
        }
    }
}

extension IntakeConfiguration {
    /// Creates the inbox and the state folders and checks that claiming by `rename` can work
    /// (the inbox and the state folder on one filesystem): what the intake does first, for a
    /// reload to refuse settings the intake could not run with.
    public func prepareFolders() throws(IntakeError) {
        try IntakeFolders(self).prepare(stateDirectory: stateDirectory)
    }
}
