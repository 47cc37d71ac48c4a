@preconcurrency import Dispatch
import GazetteFiles
import Glibc
import Synchronization
import SystemPackage

/// Reports files closed after writing or moved into the inbox, through Linux inotify.
///
/// The inotify descriptor is read by a `DispatchSource.makeReadSource` on a private queue; its
/// handler parses the events and yields them into ``events``; its cancel handler finishes the
/// stream and closes the descriptor (the shape of swift-service-lifecycle's
/// `UnixSignalsSequence`). A kernel queue overflow becomes ``WatchEvent/overflow``; the inbox
/// deleted or moved away becomes ``WatchEvent/inboxLost``, after which the owner calls
/// ``rearm()`` once it is back. When recursive, each subfolder gets its own watch as it
/// appears, followed by a rescan for the files written into it before the watch existed.
final class InotifyWatcher: Sendable {
    /// `IN_CREATE` too: a symlink, FIFO or socket made in the inbox is never closed after
    /// writing, and is reported (to be refused) as soon as it appears.
    private static let fileMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
    private static let folderMask = fileMask | UInt32(IN_ONLYDIR)
    /// The inbox itself also reports its own deletion or move.
    private static let selfMask = UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

    let events: AsyncStream<WatchEvent>
    private let source: any DispatchSourceRead
    private let descriptor: Int32
    private let recursive: Bool
    private let inbox: String
    /// The inbox's own watch descriptor, or nil while the inbox is gone.
    private let inboxWatch = Mutex<Int32?>(nil)
    /// Watched folders by watch descriptor; only touched on the source's queue after `init`.
    private let folders = Mutex<[Int32: String]>([:])

    /// Starts watching `inbox` at once, so that nothing written after this returns is missed.
    init(inbox: String, recursive: Bool) throws(IntakeError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .cannotWatch(path: inbox, reason: Errno.current.description) }
        self.descriptor = descriptor
        self.recursive = recursive
        self.inbox = inbox
        let queue = DispatchQueue(label: "gazette.intake.inotify")
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        self.source = source
        let (stream, continuation) = AsyncStream.makeStream(of: WatchEvent.self, bufferingPolicy: .unbounded)
        self.events = stream

        do throws(IntakeError) {
            try rearm()
        } catch {
            close(descriptor)
            continuation.finish()
            throw error
        }
        source.setEventHandler { [self] in
            for event in self.drain() { continuation.yield(event) }
        }
        source.setCancelHandler {
            continuation.finish()
            close(descriptor)
        }
        source.resume()
    }

    /// Stops watching; ``events`` finishes. The owner must call it: the source's handler holds
    /// the watcher until the source is cancelled.
    func stop() {
        source.cancel()
    }

    /// Watches the inbox (again, after ``WatchEvent/inboxLost``) and, when recursive, its subfolders.
    func rearm() throws(IntakeError) {
        let watch = try addWatch(inbox, mask: (recursive ? Self.folderMask : Self.fileMask) | Self.selfMask)
        inboxWatch.withLock { $0 = watch }
        if recursive { try addSubfolders(of: inbox) }
    }

    @discardableResult
    private func addWatch(_ folder: String, mask: UInt32) throws(IntakeError) -> Int32 {
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { throw .cannotWatch(path: folder, reason: Errno.current.description) }
        folders.withLock { $0[watch] = folder }
        return watch
    }

    private func addSubfolders(of folder: String) throws(IntakeError) {
        for (name, isDirectory) in try DirectoryListing.names(in: folder) where isDirectory && !name.hasPrefix(".") {
            let path = folder + "/" + name
            try addWatch(path, mask: Self.folderMask)
            try addSubfolders(of: path)
        }
    }

    /// Reads every pending event from the descriptor.
    private func drain() -> [WatchEvent] {
        var events: [WatchEvent] = []
        let headerSize = MemoryLayout<inotify_event>.size
        withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: MemoryLayout<inotify_event>.alignment) {
            buffer in
            while true {
                let count = read(descriptor, buffer.baseAddress!, buffer.count)
                if count <= 0 { break }
                var offset = 0
                while offset + headerSize <= count {
                    let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = UnsafeRawBufferPointer(
                        rebasing: buffer[(offset + headerSize)..<(offset + headerSize + length)])
                    offset += headerSize + length
                    guard let name = String(validating: nameBytes.prefix { $0 != 0 }, as: UTF8.self) else {
                        // Not UTF-8: the listing gives the entry a readable name first.
                        if mask & UInt32(IN_IGNORED | IN_Q_OVERFLOW) == 0 { events.append(.rescan) }
                        continue
                    }
                    if let event = handle(wd: wd, mask: mask, name: name) { events.append(event) }
                }
            }
        }
        return events
    }

    private func handle(wd: Int32, mask: UInt32, name: String) -> WatchEvent? {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .overflow }
        let isInbox = inboxWatch.withLock { $0 == wd }
        if isInbox, mask & Self.selfMask != 0 {
            // The watch goes on following a moved folder: drop it, so that only the inbox's
            // path is watched once it is back.
            inotify_rm_watch(descriptor, wd)
            return nil
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            _ = folders.withLock { $0.removeValue(forKey: wd) }
            guard isInbox else { return nil }
            inboxWatch.withLock { $0 = nil }
            return .inboxLost
        }
        guard let folder = folders.withLock({ $0[wd] }), !name.isEmpty else { return nil }
        let path = folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            guard mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 else { return nil }
            if recursive {
                guard !name.hasPrefix(".") else { return nil }
                _ = try? addWatch(path, mask: Self.folderMask)
                try? addSubfolders(of: path)
                return .rescan
            }
            // A folder moved into a non-recursive inbox is refused like any non-file; one just
            // created is left alone (it is still being filled).
            return mask & UInt32(IN_MOVED_TO) != 0 ? .entry(path: path) : nil
        }
        if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 { return .entry(path: path) }
        if mask & UInt32(IN_CREATE) != 0 {
            // A regular file just created is still being written; its IN_CLOSE_WRITE follows. A
            // hard link (`ln`) is complete as it appears and is never closed: it goes at once.
            if let status = FileStatus.find(path), !status.isRegularFile || status.linkCount > 1 {
                return .entry(path: path)
            }
        }
        return nil
    }
}
