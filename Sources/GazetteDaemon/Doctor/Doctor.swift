import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Glibc

/// `gazette doctor`: looks over the state folder, the database and the inbox, and says for each
/// thing wrong what to do. Only reads: it never creates, moves or writes anything.
public struct Doctor: Sendable {
    public let configuration: GazetteConfiguration
    /// How long the database's `quick_check` may run.
    public let integrityLimit: Duration

    /// Free space on the state folder's filesystem under which it is a warning, and a problem.
    static let lowSpace: Int64 = 1 << 30
    static let criticalSpace: Int64 = 256 << 20
    /// A file in `work/` for longer than this while a daemon runs is stuck.
    static let stuckAfter: TimeInterval = 600

    public init(configuration: GazetteConfiguration, integrityLimit: Duration = .seconds(30)) {
        self.configuration = configuration
        self.integrityLimit = integrityLimit
    }

    public func examine() -> DoctorReport {
        let state = configuration.stateDirectory
        var findings: [DoctorFinding] = []
        guard Self.isDirectory(state) else {
            findings.append(
                DoctorFinding(
                    check: "folders", severity: .note, summary: "there is no state folder at \(state) yet",
                    advice:
                        "it is created by the first `gazette run` or `gazette ingest`; check --state-dir or state_dir if you expected one"
                ))
            return DoctorReport(stateDirectory: state, database: configuration.databasePath, findings: findings)
        }
        let daemon = DaemonLock.holder(stateDirectory: state)
        let running = if case .running = daemon { true } else { false }
        findings.append(folders())
        findings += database()
        findings.append(disk())
        findings.append(daemonFinding(daemon))
        findings.append(work(running: running))
        findings.append(failed())
        findings.append(inbox(running: running))
        return DoctorReport(stateDirectory: state, database: configuration.databasePath, findings: findings)
    }

    // MARK: - Checks

    /// The folders and database files exist as folders and files this user can write, all with
    /// the state folder's owner; the inbox on the state folder's filesystem.
    func folders() -> DoctorFinding {
        let intake = configuration.intake
        let state = configuration.stateDirectory
        guard let owner = Self.status(state) else {
            return DoctorFinding(check: "folders", severity: .problem, summary: "cannot read \(state)", advice: nil)
        }
        var problems: [String] = []
        var strangers: [String] = []
        let folders = [state, intake.workDirectory, intake.archiveDirectory, intake.failedDirectory, intake.inbox]
        let files = [
            configuration.databasePath, configuration.databasePath + "-wal", configuration.databasePath + "-shm",
        ]
        for (path, isFolder) in folders.map({ ($0, true) }) + files.map({ ($0, false) }) {
            guard let status = Self.status(path) else { continue }
            if isFolder != (status.st_mode & S_IFMT == S_IFDIR) {
                problems.append("\(path) is not a \(isFolder ? "folder" : "file")")
            } else if access(path, isFolder ? R_OK | W_OK | X_OK : R_OK | W_OK) != 0 {
                problems.append(
                    "\(path) cannot be written by \(Self.userName(getuid())) (owner \(Self.userName(status.st_uid)), mode \(String(status.st_mode & 0o7777, radix: 8)))"
                )
            } else if status.st_uid != owner.st_uid {
                strangers.append("\(path) belongs to \(Self.userName(status.st_uid))")
            }
        }
        if let inbox = Self.status(intake.inbox), inbox.st_dev != owner.st_dev {
            problems.append(
                "the inbox \(intake.inbox) is on another filesystem than \(state), so files cannot be claimed by rename"
            )
        }
        let user = Self.userName(owner.st_uid)
        if !problems.isEmpty {
            return DoctorFinding(
                check: "folders", severity: .problem, summary: problems.joined(separator: "; "),
                advice:
                    "run doctor as the user the daemon runs as; give that user the state folder (`chown -R \(user) \(state)`)"
                    + " and write access to the inbox; keep the inbox and the state folder on one filesystem")
        }
        if !strangers.isEmpty {
            return DoctorFinding(
                check: "folders", severity: .warning,
                summary: strangers.joined(separator: "; ") + ", not to \(user) who owns \(state)",
                advice:
                    "a command run as another user (root?) left these: `chown -R \(user) \(state)` so that the daemon can always write them"
            )
        }
        return DoctorFinding(
            check: "folders", severity: .ok, summary: "the state folder and inbox are \(user)'s and writable",
            advice: nil)
    }

    /// The database opens, holds this version's schema, passes `quick_check` in time, and holds
    /// (at least) what the archive holds.
    func database() -> [DoctorFinding] {
        let path = configuration.databasePath
        let archive = (try? ArchivedFile.list(configuration.intake.archiveDirectory)) ?? []
        let archived = archive.count
        guard FileManager.default.fileExists(atPath: path) else {
            if archived > 0 {
                return [
                    DoctorFinding(
                        check: "database", severity: .problem,
                        summary: "there is no database at \(path), but archive/ holds \(archived) originals",
                        advice:
                            "run `gazette rebuild` to store their articles again (the daemon creates an empty database)"
                    )
                ]
            }
            return [
                DoctorFinding(
                    check: "database", severity: .note, summary: "there is no database at \(path) yet",
                    advice: "it is created by the first `gazette run` or `gazette ingest`")
            ]
        }
        let recover =
            "stop the daemon, move \(path) aside (with its -wal and -shm), start the daemon and run `gazette rebuild`;"
            + " or restore a copy made with `gazette backup`"
        let database: GazetteDatabase
        let status: StoreStatus
        do {
            database = try GazetteDatabase.openForReading(path: path)
            status = try database.status()
        } catch StoreError.corrupt(_, let reason) {
            return [
                DoctorFinding(
                    check: "database", severity: .problem, summary: "\(path) is damaged: \(reason)", advice: recover)
            ]
        } catch {
            return [DoctorFinding(check: "database", severity: .problem, summary: "\(error)", advice: nil)]
        }
        var findings: [DoctorFinding] = []
        let size = ByteCountFormatter.string(fromByteCount: status.databaseBytes, countStyle: .file)
        let missing = missingArticles(archive.suffix(Self.archiveSample), in: database)
        if missing > 0 {
            findings.append(
                DoctorFinding(
                    check: "database", severity: .warning,
                    summary:
                        "\(missing) of the \(min(archived, Self.archiveSample)) most recently archived originals are not in the database (\(status.articles) articles, \(size)): it was lost or restored from an older copy",
                    advice: "run `gazette rebuild`: it stores what is missing and skips what is stored"))
        } else {
            findings.append(
                DoctorFinding(
                    check: "database", severity: .ok, summary: "\(status.articles) articles, \(size) (\(path))",
                    advice: nil))
        }
        do {
            let seconds = integrityLimit.components.seconds
            findings.append(
                try database.checkIntegrity(limit: integrityLimit)
                    ? DoctorFinding(
                        check: "integrity", severity: .ok, summary: "quick_check found no damage", advice: nil)
                    : DoctorFinding(
                        check: "integrity", severity: .warning,
                        summary: "quick_check did not finish within \(seconds) s",
                        advice:
                            "run `gazette doctor --check-timeout \(max(seconds * 10, 300))` when the machine is quiet"))
        } catch {
            findings.append(
                DoctorFinding(check: "integrity", severity: .problem, summary: "\(error)", advice: recover))
        }
        return findings
    }

    /// How many archived originals `gazette doctor` looks up in the database.
    static let archiveSample = 20

    /// How many of these archived originals (paths below `archive/`) have no article.
    func missingArticles(_ files: ArraySlice<String>, in database: GazetteDatabase) -> Int {
        files.count { relative in
            let path = configuration.intake.archiveDirectory + "/" + relative
            guard let bytes = FileManager.default.contents(atPath: path) else { return false }
            return (try? database.articleID(sha256: SHA256.hex(of: [UInt8](bytes)))) == .some(nil)
        }
    }

    /// Free space and inodes on the state folder's filesystem.
    func disk() -> DoctorFinding {
        var info = statvfs()
        guard statvfs(configuration.stateDirectory, &info) == 0 else {
            return DoctorFinding(
                check: "disk", severity: .warning,
                summary: "cannot read the free space: \(String(cString: strerror(errno)))",
                advice: nil)
        }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize)
        let total = Int64(info.f_blocks) * Int64(info.f_frsize)
        let percent = total > 0 ? Int(free * 100 / total) : 100
        let summary =
            "\(ByteCountFormatter.string(fromByteCount: free, countStyle: .file)) free of \(ByteCountFormatter.string(fromByteCount: total, countStyle: .file)) (\(percent)%), \(info.f_favail) inodes free"
        let advice =
            "free space on that filesystem, or move state_dir: when it is full the daemon keeps files in work/ and the inbox and retries"
        if free < Self.criticalSpace || (info.f_files > 0 && info.f_favail < 1000) {
            return DoctorFinding(check: "disk", severity: .problem, summary: summary, advice: advice)
        }
        if free < Self.lowSpace || percent < 5 {
            return DoctorFinding(check: "disk", severity: .warning, summary: summary, advice: advice)
        }
        return DoctorFinding(check: "disk", severity: .ok, summary: summary, advice: nil)
    }

    func daemonFinding(_ holder: DaemonLock.Holder) -> DoctorFinding {
        switch holder {
        case .running(let pid):
            DoctorFinding(
                check: "daemon", severity: .ok,
                summary: "a daemon is running on this state folder" + (pid.map { " (pid \($0))" } ?? ""), advice: nil)
        case .notRunning:
            DoctorFinding(
                check: "daemon", severity: .note, summary: "no daemon is running on this state folder",
                advice: "start it with `systemctl start gazette` or `gazette run` to take files from the inbox")
        case .unknown(let reason):
            DoctorFinding(
                check: "daemon", severity: .note, summary: "cannot tell whether a daemon is running: \(reason)",
                advice: nil)
        }
    }

    /// Files in `work/`: claimed, and not finished.
    func work(running: Bool) -> DoctorFinding {
        let folder = configuration.intake.workDirectory
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        guard !names.isEmpty else {
            return DoctorFinding(check: "work", severity: .ok, summary: "work/ is empty", advice: nil)
        }
        let markers = Set(
            (try? FileManager.default.contentsOfDirectory(atPath: configuration.intake.attemptsDirectory)) ?? [])
        let crashed = names.filter(markers.contains)
        let crashNote =
            crashed.isEmpty
            ? ""
            : "; \(crashed.count) of them (\(crashed.prefix(3).joined(separator: ", "))) were being extracted when Gazette stopped"
        // The claim's rename sets the change time: how long each has been in work/.
        let now = Date().timeIntervalSince1970
        let ages = names.compactMap { name in Self.status(folder + "/" + name).map { now - Double($0.st_ctim.tv_sec) } }
        let oldest = ages.max() ?? 0
        if !running {
            return DoctorFinding(
                check: "work", severity: .warning,
                summary: "\(names.count) files wait in work/ since the last run stopped\(crashNote)",
                advice:
                    "start the daemon: it finishes them first (a file that stopped Gazette \(configuration.intake.maxAttempts) times is quarantined in failed/)"
            )
        }
        if oldest > Self.stuckAfter {
            return DoctorFinding(
                check: "work", severity: .warning,
                summary:
                    "\(names.count) files in work/, the oldest for \(Int(oldest / 60)) minutes\(crashNote)",
                advice:
                    "the daemon retries them while the store or the disk fails: `gazette status` and the log (`journalctl -u gazette`) say why"
            )
        }
        return DoctorFinding(
            check: "work", severity: .note, summary: "\(names.count) files are being ingested\(crashNote)", advice: nil)
    }

    /// Files quarantined in `failed/`.
    func failed() -> DoctorFinding {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: configuration.intake.failedDirectory)) ?? []
        let files = names.filter { !$0.hasSuffix(".error.json") }
        guard !files.isEmpty else {
            return DoctorFinding(check: "failed", severity: .ok, summary: "no file was refused", advice: nil)
        }
        return DoctorFinding(
            check: "failed", severity: .note,
            summary:
                "\(files.count) files were refused and are kept in failed/, each with a NAME.error.json saying why",
            advice: "read the reasons; move a file you fixed back into the inbox, or delete it")
    }

    /// The inbox's backlog.
    func inbox(running: Bool) -> DoctorFinding {
        let intake = configuration.intake
        guard Self.isDirectory(intake.inbox) else {
            return DoctorFinding(
                check: "inbox", severity: running ? .warning : .note,
                summary: "there is no inbox folder at \(intake.inbox)",
                advice: "create it, or check inbox in the configuration (the daemon creates it at start)")
        }
        let pending = intake.pendingEntryCount()
        if pending == 0 {
            return DoctorFinding(check: "inbox", severity: .ok, summary: "the inbox is empty", advice: nil)
        }
        if running {
            return DoctorFinding(
                check: "inbox", severity: .note,
                summary: "\(pending) files wait in the inbox; the daemon takes them in turn",
                advice: nil)
        }
        return DoctorFinding(
            check: "inbox", severity: .warning, summary: "\(pending) files wait in the inbox and no daemon is running",
            advice: "start the daemon, or ingest them once with `gazette ingest --archive \(intake.inbox)/*`")
    }

    // MARK: - Helpers

    static func status(_ path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        status(path).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false
    }

    static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
