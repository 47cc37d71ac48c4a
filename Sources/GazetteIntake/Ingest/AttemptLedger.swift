import GazetteFiles
import Glibc
import SystemPackage

/// Remembers, across deaths of the process, which files in `work/` were being processed when
/// Gazette died, and how often: the defence against a file that crashes the extractor.
///
/// A Swift trap cannot be caught, so survival is by design. Before a claimed file is extracted,
/// its marker `STATE/attempts/NAME` is written with the attempt's number, the step it is in and
/// the process id; the marker is removed when the file's processing returns. A marker found at
/// startup therefore means the process died while that file was in flight, and its number says
/// how many times. The intake then tries such a file again alone (so that another death is
/// surely its own), and quarantines it once it has stopped Gazette ``IntakeConfiguration/maxAttempts``
/// times.
///
/// Markers are written without `fsync`: what must be counted is the death of the process, and
/// the page cache outlives it. A power cut may lose a marker, which only errs towards trying a
/// good file again, never towards quarantining it.
struct AttemptLedger: Sendable {
    let directory: String

    /// What a marker says.
    struct Entry: Sendable, Equatable {
        /// Attempts begun on the file, the last one unfinished: the times the process died with it.
        var attempts: Int
        /// The step under way when the marker was last written (`extraction`, `store`).
        var stage: String
        /// The process that wrote it.
        var pid: Int32
    }

    /// An attempt under way; ``step(_:)`` and ``finish()`` update and remove its marker.
    struct Attempt {
        let path: String
        let entry: Entry
        private let descriptor: FileDescriptor

        fileprivate init?(path: String, entry: Entry) {
            guard
                let descriptor = try? FileDescriptor.open(
                    FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec, .noFollow],
                    permissions: [.ownerReadWrite, .groupRead, .otherRead])
            else { return nil }
            self.descriptor = descriptor
            self.path = path
            self.entry = entry
            write(entry)
        }

        /// Records that the file has moved on to `stage`.
        func step(_ stage: String) {
            var entry = entry
            entry.stage = stage
            write(entry)
        }

        /// The file's processing returned: it did not stop the process.
        func finish() {
            try? descriptor.close()
            unlink(path)
        }

        private func write(_ entry: Entry) {
            // Fixed-width fields, so that an update overwrites the whole previous text.
            let stage = entry.stage + String(repeating: " ", count: max(0, 12 - entry.stage.count))
            let text = "attempts=\(entry.attempts)\npid=\(entry.pid)\nstage=\(stage)\n"
            let bytes = Array(text.utf8)
            _ = try? descriptor.writeAll(toAbsoluteOffset: 0, bytes)
        }
    }

    init(directory: String) {
        self.directory = directory
    }

    func markerPath(_ workName: String) -> String { directory + "/" + workName }

    /// The marker of the file called `workName` in `work/`, if one is there.
    func entry(for workName: String) -> Entry? {
        guard let text = readText(markerPath(workName)) else { return nil }
        var fields: [Substring: Substring] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        let stage = fields["stage"].map { String($0.prefix { $0 != " " }) } ?? ""
        return Entry(
            attempts: fields["attempts"].flatMap { Int($0) } ?? 1, stage: stage.isEmpty ? "extraction" : stage,
            pid: fields["pid"].flatMap { Int32($0) } ?? 0)
    }

    /// Writes the marker of a new attempt on `workName` at `stage`, counting the attempts that
    /// died before it. Returns nil when the marker cannot be written (the file is then processed
    /// unguarded, as before the ledger existed; a full disk must not stop ingestion).
    func begin(_ workName: String, stage: String) -> Attempt? {
        let earlier = entry(for: workName)?.attempts ?? 0
        return Attempt(
            path: markerPath(workName), entry: Entry(attempts: earlier + 1, stage: stage, pid: getpid()))
    }

    /// Removes the marker of `workName`, once the file has left `work/`.
    func clear(_ workName: String) {
        unlink(markerPath(workName))
    }

    /// The names of all markers.
    func markedNames() -> [String] {
        guard let names = try? DirectoryListing.names(in: directory) else { return [] }
        return names.filter { !$0.isDirectory }.map(\.name)
    }

    /// The start of a marker (they are a few dozen bytes), or nil when there is none.
    private func readText(_ path: String) -> String? {
        FileBytes.prefix(of: path, count: 256).map { String(decoding: $0, as: UTF8.self) }
    }
}
