#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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
            return .deferred(reason: error.description)
        }
        switch pipeline.claim(path) {
        case .claimed(let workPath):
            return pipeline.process(workPath, receivedPath: path, origin: .claimed)
        case .vanished:
            return .failed(.unreadable(reason: systemMessage(ENOENT)), path: nil)
        case .failed(let code) where code == EXDEV:
            do throws(FileMoveError) {
                let workPath = try FileCopier.move(
                    path, into: pipeline.folders.work, name: IngestPipeline.fileName(path))
                return pipeline.process(workPath, receivedPath: path, origin: .claimed)
            } catch {
                // Not a regular file, or not removable: report it without moving anything.
                return pipeline.process(path, receivedPath: path, origin: .inPlace)
            }
        case .failed(let code):
            return .failed(.unreadable(reason: systemMessage(code)), path: nil)
        }
    }
}
