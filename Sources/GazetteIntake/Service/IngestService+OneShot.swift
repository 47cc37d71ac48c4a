import GazetteStore
import Glibc
import Synchronization
import SystemPackage

extension IngestService {
    /// Ingests one file now, without the watcher: `gazette ingest FILE...`.
    ///
    /// The same pipeline and store as the daemon. The file is claimed into `work/` (copied
    /// there if it lives on another filesystem) and archived or quarantined like an inbox
    /// file; with `keepOriginal` it is read where it is and never moved, and a refusal is only
    /// recorded in the store.
    public func ingest(file path: String, keepOriginal: Bool) async -> FileOutcome {
        let outcome = await BlockingWork.run { [self] in ingestNow(path, keepOriginal: keepOriginal) }
        state.withLock { $0.counters.count(outcome) }
        return outcome
    }

    private func ingestNow(_ path: String, keepOriginal: Bool) -> FileOutcome {
        if keepOriginal { return pipeline.process(path, receivedPath: path, origin: .inPlace) }
        do throws(IntakeError) {
            try pipeline.folders.prepare(stateDirectory: configuration.stateDirectory, checkInbox: false)
        } catch {
            return .deferred(reason: error.description, retry: nil)
        }
        switch pipeline.claim(path) {
        case .claimed(let workPath):
            return pipeline.process(workPath, receivedPath: path, origin: .claimed)
        case .vanished:
            return .failed(.unreadable(reason: Errno.noSuchFileOrDirectory.description), path: nil)
        case .failed(.improperLink):
            do {
                let workPath = try FileCopier.move(
                    path, into: pipeline.folders.work, name: IngestPipeline.fileName(path))
                return pipeline.process(workPath, receivedPath: path, origin: .claimed)
            } catch {
                // Not a regular file, or not removable: report it without moving anything.
                return pipeline.process(path, receivedPath: path, origin: .inPlace)
            }
        case .failed(let code):
            return .failed(.unreadable(reason: code.description), path: nil)
        }
    }

    /// Settles a file during whose one-shot ingest a worker process died of `signal`
    /// (`gazette ingest` runs its files in a child process and watches it). The supervisor saw the
    /// crash itself, so one is enough: a file it had claimed into `work/` is quarantined in
    /// `failed/`; a file ingested in place is left there and the failure recorded.
    public func settleCrash(of path: String, keepOriginal: Bool, workerPID: Int32, signal: Int32) async -> FileOutcome {
        let outcome = await BlockingWork.run { [pipeline] in
            let name = IngestPipeline.fileName(path)
            let ledger = pipeline.ledger
            let marked =
                keepOriginal
                ? nil
                : ledger.markedNames().lazy
                    .compactMap { marker in ledger.entry(for: marker).map { (marker, $0) } }
                    .first { $0.1.pid == workerPID }
            if let (marker, entry) = marked {
                return pipeline.quarantineCrashed(
                    pipeline.folders.work + "/" + marker, name: name,
                    .crashed(attempts: 1, stage: entry.stage, signal: signal), origin: .claimed)
            }
            // Ingested in place, or the worker died before extraction began: nothing was moved
            // (or the daemon's recovery finishes the claimed file).
            return pipeline.quarantineCrashed(
                path, name: name, .crashed(attempts: 1, stage: "extraction", signal: signal), origin: .inPlace)
        }
        state.withLock { $0.counters.count(outcome) }
        return outcome
    }
}
