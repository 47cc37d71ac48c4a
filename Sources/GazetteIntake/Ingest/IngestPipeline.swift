import CMalloc
import Dispatch
import Foundation
import GazetteExtraction
import GazetteFiles
import GazetteStore
import Glibc
import Logging
import SystemPackage

/// Takes one file from the inbox to its final place: claim, read, extract, store, archive.
///
/// The order is what makes the intake trustworthy: the file is renamed into `work/` before
/// anything else, the file's article rows (all of them, in one transaction) are committed before
/// the original is archived or deleted, and a file found in `work/` at startup is simply run
/// through again (its hash tells whether it was already stored).
struct IngestPipeline: Sendable {
    let configuration: IntakeConfiguration
    let folders: IntakeFolders
    let ledger: AttemptLedger
    let store: any IntakeStore
    let extractor: any IntakeExtractor
    let logger: Logger
    let now: @Sendable () -> Date
    /// Extractions running at once: `intake.concurrency`, one a core by default, and one large
    /// file at a time. The workers are more (``IngestService/workersPerExtraction``), so that
    /// while some wait for their shared commit (the store's group commit) others extract.
    let gate: ExtractionGate

    init(
        configuration: IntakeConfiguration, store: any IntakeStore, extractor: any IntakeExtractor,
        logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.folders = IntakeFolders(configuration)
        self.ledger = AttemptLedger(directory: folders.attempts)
        self.store = store
        self.extractor = extractor
        self.logger = logger
        self.now = now
        self.gate = ExtractionGate(
            concurrency: configuration.concurrency, largeFileSize: configuration.largeFileSize)
    }

    enum Claim {
        case claimed(workPath: String)
        case vanished
        case failed(Errno)
    }

    /// A rename, or, when the folder is on another filesystem (`archive/` or `failed/` a mount
    /// point), a copy that takes its name only once it is whole and flushed, before the
    /// original is removed (``FileCopier``; its temporary in `staging`). `announce` is told the
    /// destination before the file gets there; what it throws stops the move. Throws an `Errno`
    /// or what `announce` throws.
    static func moveAcrossFilesystems(
        _ path: String, into folder: String, name: String, staging: String,
        announcing announce: (String) throws -> Void
    ) throws -> String {
        do {
            return try FileMover.move(path, into: folder, name: name, announcing: announce)
        } catch Errno.improperLink {
            return try FileCopier.move(path, into: folder, name: name, staging: staging, announcing: announce)
        }
    }

    /// `failed/NAME.error.json`, the name shortened when it would pass 255 bytes.
    static func reportPath(for quarantined: String) -> String {
        let folder = (quarantined as NSString).deletingLastPathComponent
        let name = FileName.shortened((quarantined as NSString).lastPathComponent, reserving: ".error.json".utf8.count)
        return folder + "/" + name + ".error.json"
    }

    /// Mode of the originals kept in `archive/` and `failed/`: readable by the owner and the
    /// group, like everything else in the state folder (the dropped file's own mode may be
    /// world-readable).
    static let storedFileMode: mode_t = 0o640

    static func restrictMode(_ path: String?) {
        if let path { _ = chmod(path, storedFileMode) }
    }

    /// Renames an inbox entry into `work/`, so that exactly one worker owns it and a crash
    /// leaves it where startup looks.
    func claim(_ path: String) -> Claim {
        do throws(Errno) {
            return .claimed(workPath: try FileMover.move(path, into: folders.work, name: Self.fileName(path)))
        } catch {
            return error == .noSuchFileOrDirectory ? .vanished : .failed(error)
        }
    }

    /// Claims and processes an inbox entry.
    func ingest(inboxPath path: String) -> FileOutcome {
        if let stop = storeLost(leaving: nil) { return stop }
        switch claim(path) {
        case .claimed(let workPath):
            return process(workPath, receivedPath: path, origin: .claimed)
        case .vanished:
            return .vanished
        case .failed(let code):
            logger.warning("cannot claim file", metadata: ["file": "\(path)", "error": "\(code)"])
            return .deferred(reason: "cannot move \(path) into \(folders.work): \(code)", retry: nil)
        }
    }

    /// How the file being processed came to the pipeline.
    enum Origin {
        /// Claimed from the inbox into `work/` just now.
        case claimed
        /// Found in `work/` at startup: its processing was interrupted.
        case recovered
        /// A user's file ingested where it is (one-shot `keepOriginal`): never moved.
        case inPlace
        /// An original in `archive/` read again by `gazette rebuild`: never moved, its path
        /// recorded as the article's archive path; bytes already stored add nothing (no sighting)
        /// and a refusal is only reported (no failure row), so that a rebuild can run again.
        case archived

        /// Whether the pipeline owns the file: moves it to `archive/` or `failed/`, retries it,
        /// marks its attempts.
        var ownsFile: Bool { self == .claimed || self == .recovered }
    }

    /// Processes one file: `path` is in `work/`, or anywhere for ``Origin/inPlace`` and
    /// ``Origin/archived``. `arrival` is when the file came (now unless given); a file from the
    /// archive counts as ingested then. A large file waits for its turn first (``ExtractionGate``).
    func process(_ path: String, receivedPath: String, origin: Origin, arrival: Date? = nil) -> FileOutcome {
        gate.inTurn(forSize: FileStatus.find(path)?.size ?? 0) {
            processInTurn(path, receivedPath: receivedPath, origin: origin, arrival: arrival)
        }
    }

    private func processInTurn(_ path: String, receivedPath: String, origin: Origin, arrival: Date?) -> FileOutcome {
        let recovered = origin == .recovered
        let name = Self.fileName(receivedPath)
        let receivedAt = arrival ?? now()
        let contents: FileContents
        do throws(ReadRefusal) {
            contents = try FileReader.read(path, limit: configuration.maxFileSize)
        } catch {
            return quarantine(
                path, name: name, error.refusal, size: error.size, sha256: nil, at: receivedAt, origin: origin)
        }
        // A large file's processing frees hundreds of megabytes that glibc would otherwise keep
        // in its arenas: they go back to the system before the next large file's turn.
        defer { if gate.isLarge(contents.bytes.count) { malloc_trim(0) } }
        // Hashed once, here: the duplicate check and the record share it.
        let document = SourceDocument(path: receivedPath, bytes: contents.bytes, modified: contents.modified)
        let sha256 = document.sha256

        if let stop = storeLost(leaving: path) { return stop }
        do {
            if let id = try store.articleID(sha256: sha256) {
                // A file taken up again may have been the original (the process stopped between the
                // commit and the archive move) or a copy whose sighting was or was not recorded;
                // a rebuild's original from the archive adds nothing.
                if recovered {
                    try store.recordSightingIfNew(articleID: id, path: receivedPath, at: receivedAt)
                } else if origin != .archived {
                    try store.recordSighting(articleID: id, path: receivedPath, at: receivedAt)
                }
                let archived = try finish(
                    path, name: name, articleID: id, at: receivedAt, stored: recovered ? .unknown : .notThisFile,
                    origin: origin)
                return recovered ? .recovered(articleID: id, path: archived) : .duplicate(articleID: id, path: archived)
            }
        } catch {
            return postpone(path, error, origin: origin)
        }

        // From here until this function returns, a death of the process is counted against the
        // file (in-place files belong to a one-shot command, whose supervisor watches instead).
        let attempt = origin.ownsFile ? ledger.begin(Self.fileName(path), stage: "extraction") : nil
        defer { attempt?.finish() }
        let file: ExtractedFile
        do throws(IntakeRefusal) {
            file = try gate.inSlot { () throws(IntakeRefusal) in
                try extractor.extract(document, onStep: { step in attempt?.step(step) })
            }
            // The commit allocates on the store's thread, in another of malloc's arenas: what the
            // analysis freed goes back to the system first, or the two would add up.
            if gate.isLarge(contents.bytes.count) { malloc_trim(0) }
            attempt?.step("store")
            for record in file.records {
                guard let analysed = record.analyzedChars else { continue }
                logger.notice(
                    "article only partly analysed: its body is longer than the analysis reads",
                    metadata: [
                        "file": "\(name)", "part": "\(record.source.part ?? "whole")",
                        "analyzed_chars": "\(analysed)",
                    ])
            }
        } catch {
            return quarantine(
                path, name: name, error, size: contents.bytes.count, sha256: sha256, at: receivedAt,
                origin: origin)
        }

        for skipped in file.skipped {
            logger.info(
                "part of a file skipped",
                metadata: ["file": "\(name)", "part": "\(skipped.part)", "reason": "\(skipped.error)"])
        }
        do {
            // Where the file will go is stored with its articles: one commit per file.
            let reservation = try archiveReservation(name: name, at: receivedAt, origin: origin)
            let articles = file.records.map { record in
                var article = NewArticle(
                    record: record, raw: contents.bytes, receivedPath: receivedPath, receivedAt: receivedAt)
                if origin == .archived { article.ingestedAt = receivedAt }
                article.archivePath = reservation?.destination ?? (origin == .archived ? path : nil)
                return article
            }
            let outcome = try store.ingest(file: articles)
            // Committed to a file that is gone: the original stays in `work/` for the next start.
            if let stop = storeLost(leaving: path) { return stop }
            switch outcome {
            case .stored(let ids):
                let archived = try finish(
                    path, name: name, articleID: ids[0], at: receivedAt, stored: .stored(articles[0].archivePath),
                    origin: origin, reservation: reservation)
                logger.debug(
                    "ingested",
                    metadata: [
                        "file": "\(name)", "article.id": "\(ids[0])", "articles": "\(ids.count)",
                        "skipped": "\(file.skipped.count)",
                    ])
                return .stored(articleIDs: ids, path: archived)
            case .duplicate(let id):
                // Stored by another worker between the look-up and the insert; the store has
                // recorded the sighting in the same transaction.
                let archived = try finish(
                    path, name: name, articleID: id, at: receivedAt, stored: .notThisFile, origin: origin,
                    reservation: reservation)
                logger.debug("duplicate", metadata: ["file": "\(name)", "article.id": "\(id)"])
                return .duplicate(articleID: id, path: archived)
            }
        } catch {
            return postpone(path, error, origin: origin)
        }
    }

    /// Processes a file that was in `work/` with a marker when the intake started: the process
    /// died while working on it. It is tried again (the caller makes sure it runs alone), unless
    /// it has stopped Gazette ``IntakeConfiguration/maxAttempts`` times already; then it is
    /// quarantined without being extracted again.
    func recoverInterrupted(_ path: String, receivedPath: String, attempts entry: AttemptLedger.Entry) -> FileOutcome {
        guard entry.attempts >= configuration.maxAttempts else {
            logger.warning(
                "retrying a file that was being processed when Gazette stopped",
                metadata: [
                    "file": "\(Self.fileName(path))", "attempts": "\(entry.attempts)", "stage": "\(entry.stage)",
                ])
            let outcome = process(path, receivedPath: receivedPath, origin: .recovered)
            // A file whose bytes were stored before the death is archived without an attempt of
            // its own, which would have removed the marker; a marker left would count against
            // the next file of that name.
            if !outcome.isDeferred { ledger.clear(Self.fileName(path)) }
            return outcome
        }
        return quarantineCrashed(
            path, name: Self.fileName(path),
            .crashed(attempts: entry.attempts, stage: entry.stage, signal: nil), origin: .recovered)
    }

    /// Quarantines a file that stopped the process, without extracting it again, and removes
    /// its marker.
    func quarantineCrashed(_ path: String, name: String, _ refusal: IntakeRefusal, origin: Origin) -> FileOutcome {
        let contents = try? FileReader.read(path, limit: 1 << 40)
        let outcome = quarantine(
            path, name: name, refusal, size: contents?.bytes.count, sha256: contents.map { SHA256.hex(of: $0.bytes) },
            at: now(), origin: origin)
        // A file that could not be moved keeps its marker, and its count of deaths.
        if origin.ownsFile, !outcome.isDeferred { ledger.clear(Self.fileName(path)) }
        return outcome
    }

    /// What the store holds as the article's archive path when its file is finished.
    enum StoredPath {
        /// Nothing to keep in step: the article was stored from another file (a duplicate).
        case notThisFile
        /// Stored with the article: the reserved destination, or nil when the file is not
        /// archived; written again only if the file ends up elsewhere.
        case stored(String?)
        /// Not known to be stored (a file taken up again): written before the move.
        case unknown
    }

    /// The archive destination of a claimed file, reserved now so that its path can be stored
    /// with its articles and the rename follow the commit; nil when the file is not archived.
    private func archiveReservation(name: String, at date: Date, origin: Origin) throws -> FileMover.Reservation? {
        guard origin.ownsFile, configuration.afterIngest == .archive else { return nil }
        return FileMover.reserve(in: try folders.archiveDay(for: date), name: name)
    }

    /// After the commit: archives or deletes the original and keeps the article's archive path
    /// right (`stored`). With a `reservation` the file goes to the reserved destination. If this
    /// throws, the file stays in `work/` and the next start archives it (its hash is stored).
    private func finish(
        _ path: String, name: String, articleID: Int64, at date: Date, stored: StoredPath, origin: Origin,
        reservation: FileMover.Reservation? = nil
    ) throws -> String? {
        let record = { (archived: String?) throws in
            switch stored {
            case .notThisFile: return
            case .stored(let path) where path == archived: return
            case .stored, .unknown: try store.setArchivePath(articleID: articleID, path: archived)
            }
        }
        switch origin {
        case .inPlace: return nil
        case .archived:
            try record(path)
            return path
        case .claimed, .recovered: break
        }
        switch configuration.afterIngest {
        case .archive:
            let day = try folders.archiveDay(for: date)
            let archived: String
            do {
                archived = try archive(path, into: day, name: name, reservation: reservation, announcing: record)
            } catch let error as Errno {
                throw IntakeError.cannotFileAway(path: path, destination: day, reason: error.description)
            }
            Self.restrictMode(archived)
            return archived
        case .delete:
            if unlink(path) != 0, errno != ENOENT {
                throw IntakeError.cannotFileAway(path: path, destination: nil, reason: Errno.current.description)
            }
            try record(nil)
            return nil
        }
    }

    /// Moves a claimed file into the archive's `day` folder: to its reserved destination, or
    /// (none reserved, or another filesystem) to a free name announced first.
    private func archive(
        _ path: String, into day: String, name: String, reservation: FileMover.Reservation?,
        announcing announce: (String) throws -> Void
    ) throws -> String {
        guard let reservation else {
            // The archive path is stored before the file takes it: a death in between leaves the
            // file in work/, and the next start moves it and stores its path again.
            return try Self.moveAcrossFilesystems(
                path, into: day, name: name, staging: folders.archive, announcing: announce)
        }
        do {
            try reservation.move(path)
            return reservation.destination
        } catch Errno.improperLink {
            return try FileCopier.move(path, into: day, name: name, staging: folders.archive, announcing: announce)
        }
    }

    /// Nil while the store's file is the one it opened; else the outcome that stops the intake,
    /// the file left at `path` (or in the inbox).
    private func storeLost(leaving path: String?) -> FileOutcome? {
        do {
            try store.checkFileInPlace()
            return nil
        } catch {
            return .stopped(reason: "\(error)", path: path)
        }
    }

    /// Leaves the file in `work/` for the next start: the failure is the store's or the
    /// disk's, not the file's.
    private func postpone(_ path: String, _ error: any Error, origin: Origin) -> FileOutcome {
        logger.error("cannot finish file", metadata: ["file": "\(path)", "error": "\(error)"])
        return .deferred(reason: "\(error)", retry: origin.ownsFile ? path : nil)
    }

    /// Moves a refused file to `failed/`, writes its `.error.json` and stores a failure row.
    func quarantine(
        _ workPath: String, name: String, _ refusal: IntakeRefusal, size: Int?, sha256: String?, at date: Date,
        origin: Origin
    ) -> FileOutcome {
        if origin == .archived { return .failed(refusal, path: nil) }
        var report = FailureReport(
            fileName: name, reason: refusal.description, stage: refusal.stage, size: size, sha256: sha256,
            at: date, quarantinePath: nil)
        if origin.ownsFile {
            do {
                // The report is written before the file takes its name in failed/, so that a death
                // in between leaves the file in work/ (quarantined again at the next start, over
                // the same name and report), never a quarantined file without its reason.
                let destination = try Self.moveAcrossFilesystems(
                    workPath, into: folders.failed, name: name, staging: folders.failed
                ) { destination in
                    report.quarantinePath = destination
                    try AtomicFile.write([UInt8](report.json()), to: Self.reportPath(for: destination))
                }
                Self.restrictMode(destination)
            } catch {
                // No report, no quarantine: the file waits in work/ and is tried again, as for
                // any failure of the disk; a report written for a move that failed goes.
                if let written = report.quarantinePath { unlink(Self.reportPath(for: written)) }
                logger.error("cannot quarantine file", metadata: ["file": "\(workPath)", "error": "\(error)"])
                return .deferred(reason: "cannot quarantine \(name): \(error)", retry: workPath)
            }
        }
        do {
            try store.recordFailure(report.storeRow)
        } catch {
            logger.error("cannot store failure", metadata: ["file": "\(name)", "error": "\(error)"])
        }
        logger.warning(
            "file refused",
            metadata: ["file": "\(name)", "stage": "\(refusal.stage)", "reason": "\(refusal.description)"])
        return .failed(refusal, path: report.quarantinePath)
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
