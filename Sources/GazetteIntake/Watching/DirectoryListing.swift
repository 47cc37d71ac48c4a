import GazetteFiles
import Glibc
import SystemPackage

/// The entries of the inbox as the intake sees them.
struct DirectoryListing {
    struct Entry: Sendable, Equatable {
        let path: String
        let name: String
    }

    let root: String
    let recursive: Bool
    let filter: FileNameFilter

    /// Every entry the filter accepts: files, and (when not recursive) anything else by an
    /// accepted name, which the claim step then refuses with a reason. Subfolders are listed
    /// when recursive; dot-folders never are.
    func entries() throws(IntakeError) -> [Entry] {
        var result: [Entry] = []
        var folders = [root]
        while let folder = folders.popLast() {
            let names: [(name: String, isDirectory: Bool)]
            do throws(IntakeError) {
                names = try Self.names(in: folder)
            } catch {
                // A subfolder removed while listing is not an error; the inbox itself is.
                if folder == root { throw error }
                continue
            }
            for (name, isDirectory) in names {
                let path = folder + "/" + name
                if isDirectory, recursive {
                    if !name.hasPrefix(".") { folders.append(path) }
                } else if filter.accepts(name) {
                    result.append(Entry(path: path, name: name))
                }
            }
        }
        return result
    }

    /// Names in `folder` (without `.` and `..`) and whether each is a directory (not following
    /// symlinks).
    static func names(in folder: String) throws(IntakeError) -> [(name: String, isDirectory: Bool)] {
        guard let directory = opendir(folder) else {
            throw .cannotListDirectory(path: folder, reason: Errno.current.description)
        }
        defer { closedir(directory) }
        var names: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                // A name that is not UTF-8 (from another system's encoding) could never be
                // opened through a Swift string: give it a readable one in place, then go on.
                if let renamed = Self.renameToUTF8(bytes, in: folder) {
                    names.append((renamed, FileStatus.find(folder + "/" + renamed)?.isDirectory ?? false))
                }
                continue
            }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(entry.pointee.d_type) == DT_DIR
            if Int32(entry.pointee.d_type) == DT_UNKNOWN {
                isDirectory = FileStatus.find(folder + "/" + name)?.isDirectory ?? false
            }
            names.append((name, isDirectory))
        }
        return names
    }

    /// Renames the entry whose name is the bytes `raw` (not valid UTF-8) to the same name with
    /// each undecodable byte as `_`, or a free variant of it; nil when that fails.
    static func renameToUTF8(_ raw: [UInt8], in folder: String) -> String? {
        let readable = String(String(decoding: raw, as: UTF8.self).map { $0 == "\u{FFFD}" ? "_" : $0 })
        let source = Array(folder.utf8) + [UInt8(ascii: "/")] + raw + [0]
        for attempt in 0..<100 {
            let name = FileMover.variant(of: readable, attempt)
            let destination = folder + "/" + name
            guard FileStatus.find(destination) == nil else { continue }
            let moved = source.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { Glibc.rename($0.baseAddress!, destination) }
            }
            return moved == 0 ? name : nil
        }
        return nil
    }
}

extension IntakeConfiguration {
    /// Entries waiting in the inbox that the intake would take (or refuse with a reason);
    /// 0 when the inbox cannot be listed. For `gazette status`.
    /// Files in `work/`: being processed now, retried after a transient failure, or left by a
    /// stop for the next start.
    public func workEntryCount() -> Int {
        ((try? DirectoryListing.names(in: workDirectory)) ?? []).filter { !$0.isDirectory }.count
    }

    public func pendingEntryCount() -> Int {
        let listing = DirectoryListing(root: inbox, recursive: recursive, filter: FileNameFilter(self))
        return (try? listing.entries().count) ?? 0
    }
}
