import Foundation
import GazetteFiles
import GazetteStore
import Glibc
import Logging
import Synchronization

extension IngestService {
    /// Readiness, recovery, the startup scan, then the watcher, rescans and the rescan timer,
    /// until cancelled.
    ///
    /// Ready as soon as the inbox is watched (the watch is armed before this runs): a file dropped
    /// from then on is seen, and the files already waiting are queued by the scan that follows,
    /// which takes a while when thousands wait.
    func produce(into queue: IngestQueue, watcher: InotifyWatcher? = nil) async {
        markReady()
        await recover(into: queue)
        let unsettled = await scan(into: queue)

        let (rescans, requestRescan) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let (losses, inboxLost) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        if unsettled { requestRescan.yield() }
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in losses {
                    guard let watcher, await self.waitForInbox() else { return }
                    do throws(IntakeError) {
                        try watcher.rearm()
                        self.logger.notice(
                            "the inbox is back; watching it again", metadata: ["inbox": "\(self.configuration.inbox)"])
                    } catch {
                        self.logger.error("cannot watch the inbox again", metadata: ["error": "\(error)"])
                    }
                    requestRescan.yield()
                }
            }
            group.addTask {
                for await _ in rescans {
                    // Look again while files are still settling, so none waits for the slow timer.
                    while await self.scan(into: queue) {
                        guard (try? await self.clock.sleep(for: self.configuration.settleTime)) != nil else { return }
                    }
                }
            }
            group.addTask {
                while (try? await self.clock.sleep(for: self.configuration.rescanInterval)) != nil {
                    requestRescan.yield()
                }
                requestRescan.finish()
            }
            group.addTask {
                defer { inboxLost.finish() }
                await self.watch(watcher) { event in
                    switch event {
                    case .rescan:
                        self.logger.debug("rescan requested by watcher")
                        requestRescan.yield()
                    case .overflow:
                        let first = self.state.withLock { state in
                            defer { state.overflowWarned = true }
                            return !state.overflowWarned
                        }
                        self.logger.log(
                            level: first ? .warning : .debug,
                            "inotify's event queue overflowed; rescanning the inbox (raise fs.inotify.max_queued_events if this recurs)"
                        )
                        requestRescan.yield()
                    case .inboxLost:
                        self.logger.warning(
                            "the inbox was deleted or moved away; files are taken again as soon as it is back",
                            metadata: ["inbox": "\(self.configuration.inbox)"])
                        inboxLost.yield()
                    case .entry(let path):
                        guard self.filter.accepts(IngestPipeline.fileName(path)) else { return }
                        // A full queue must not block the watcher: the entry is found by a rescan.
                        if queue.offer(.inbox(path: path)) == .full { requestRescan.yield() }
                    }
                }
                requestRescan.finish()
            }
        }
    }

    /// Waits until the inbox is a folder again, checking every second; false when cancelled.
    private func waitForInbox() async -> Bool {
        while FileStatus.find(configuration.inbox, followingSymlink: true)?.isDirectory != true {
            guard (try? await clock.sleep(for: .seconds(1))) != nil else { return false }
        }
        return true
    }

    private func watch(_ watcher: InotifyWatcher?, _ report: @escaping @Sendable (WatchEvent) -> Void) async {
        if configuration.watchMode == .poll {
            let poller = PollingWatcher(listing: listing, interval: configuration.pollInterval)
            await poller.run { report($0) }
            return
        }
        guard let watcher else { return }
        await withTaskCancellationHandler {
            for await event in watcher.events { report(event) }
        } onCancel: {
            watcher.stop()
        }
    }

    var listing: DirectoryListing {
        DirectoryListing(root: configuration.inbox, recursive: configuration.recursive, filter: filter)
    }

    /// Finishes whatever an interrupted run left in `work/`. Files the process died on (they
    /// have a marker in the ``AttemptLedger``) go first, one at a time with nothing else running,
    /// so that a death during one of them is surely its own; the rest are queued.
    private func recover(into queue: IngestQueue) async {
        // Copies across filesystems (``FileCopier``) and reports a killed process left unfinished.
        for folder in [pipeline.folders.work, pipeline.folders.archive, pipeline.folders.failed] {
            AtomicFile.removeAbandonedTemporaries(in: folder)
        }
        let names: [(name: String, isDirectory: Bool)]
        do throws(IntakeError) {
            // A claimed file's name never starts with a dot (the inbox's dotfiles are not taken):
            // a dotfile in work/ is the temporary of a copy under way (`gazette ingest`).
            names = try DirectoryListing.names(in: pipeline.folders.work).filter { !$0.name.hasPrefix(".") }
        } catch {
            logger.error("cannot list work folder", metadata: ["error": "\(error)"])
            return
        }
        let ledger = pipeline.ledger
        let inWork = Set(names.map(\.name))
        for name in ledger.markedNames() where !inWork.contains(name) { ledger.clear(name) }
        if !names.isEmpty {
            logger.info("recovering interrupted files", metadata: ["count": "\(names.count)"])
        }
        var interrupted: [(name: String, entry: AttemptLedger.Entry)] = []
        var unmarked: [String] = []
        for (name, _) in names {
            if let entry = ledger.entry(for: name) { interrupted.append((name, entry)) } else { unmarked.append(name) }
        }
        if !interrupted.isEmpty {
            await BlockingWork.run { [pipeline] in pipeline.extractor.warmUp() }
        }
        for (name, entry) in interrupted {
            guard !Task.isCancelled else { return }
            let outcome = await BlockingWork.run { [pipeline, inbox = configuration.inbox] in
                pipeline.recoverInterrupted(
                    pipeline.folders.work + "/" + name, receivedPath: inbox + "/" + name, attempts: entry)
            }
            state.withLock { $0.counters.count(outcome) }
        }
        for name in unmarked {
            guard await queue.push(.recovered(path: pipeline.folders.work + "/" + name)) else { return }
        }
    }

    /// Queues every settled file in the inbox, waiting while the queue is full. Returns whether
    /// it left files alone because they were modified within the settle time.
    func scan(into queue: IngestQueue) async -> Bool {
        // Listing and `lstat` block: they run off the cooperative pool.
        let entries: [DirectoryListing.Entry]
        let unsettled: Bool
        do throws(IntakeError) {
            (entries, unsettled) = try await BlockingWork.run {
                [listing, settleTime = configuration.settleTime] () throws(IntakeError) in
                try Self.settledEntries(listing, settleTime: settleTime)
            }
        } catch {
            logger.error("cannot scan inbox", metadata: ["error": "\(error)"])
            return false
        }
        logger.debug("inbox scanned", metadata: ["files": "\(entries.count)"])
        for entry in entries {
            switch queue.offer(.inbox(path: entry.path)) {
            case .added, .alreadyQueued: continue
            case .finished: return false
            case .full:
                guard await queue.push(.inbox(path: entry.path)) else { return false }
            }
        }
        return unsettled
    }

    /// The inbox's entries that were not modified within `settleTime`, and whether any were.
    private static func settledEntries(
        _ listing: DirectoryListing, settleTime: Duration
    ) throws(IntakeError) -> (entries: [DirectoryListing.Entry], unsettled: Bool) {
        let entries = try listing.entries()
        let settledBefore = Date().timeIntervalSince1970 - settleTime.seconds
        var settled: [DirectoryListing.Entry] = []
        var unsettled = false
        for entry in entries {
            if let modified = modificationTime(ofRegularFile: entry.path), modified > settledBefore {
                unsettled = true
            } else {
                settled.append(entry)
            }
        }
        return (settled, unsettled)
    }

    /// Seconds since 1970 of the last change of `path`, when it is a regular file.
    private static func modificationTime(ofRegularFile path: String) -> Double? {
        guard let status = FileStatus.find(path), status.isRegularFile else { return nil }
        return status.modified.timeIntervalSince1970
    }

    func markReady() {
        let first = state.withLock { state in
            defer { state.readySent = true }
            return !state.readySent
        }
        if first { onReady() }
    }
}
