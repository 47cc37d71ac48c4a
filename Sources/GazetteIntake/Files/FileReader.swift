import Foundation
import GazetteFiles
import SystemPackage

/// The bytes of a claimed file and its modification time.
struct FileContents: Sendable {
    let bytes: [UInt8]
    let modified: Date
}

/// A file the reader refused, with its size when known.
struct ReadRefusal: Error {
    let refusal: IntakeRefusal
    let size: Int?
}

/// Reads a claimed file through ``FileBytes``: regular files with one name only, bounded in
/// size, never blocking, never following a symbolic link; a refusal in the intake's words.
enum FileReader {
    static func read(_ path: String, limit: Int) throws(ReadRefusal) -> FileContents {
        do {
            let (bytes, status) = try FileBytes.read(path, limit: limit, singleLink: true)
            return FileContents(bytes: bytes, modified: status.modified)
        } catch {
            switch error {
            case .system(.tooManySymbolicLinkLevels): throw ReadRefusal(refusal: .symbolicLink, size: nil)
            case .system(let errno): throw ReadRefusal(refusal: .unreadable(reason: errno.description), size: nil)
            case .notRegularFile(let type): throw ReadRefusal(refusal: refusal(for: type), size: nil)
            case .empty: throw ReadRefusal(refusal: .empty, size: 0)
            case .tooLarge(let size): throw ReadRefusal(refusal: .tooLarge(size: size, limit: limit), size: size)
            case .hardLink(let links): throw ReadRefusal(refusal: .hardLink(links: links), size: nil)
            }
        }
    }

    /// The refusal for anything but a regular file.
    static func refusal(for type: FileType) -> IntakeRefusal {
        switch type {
        case .symbolicLink: .symbolicLink
        case .directory: .directory
        case .fifo: .fifo
        case .socket: .socket
        case .characterSpecial, .blockSpecial: .device
        default: .notRegularFile
        }
    }
}
