import Glibc

/// Why a file was refused and quarantined in `failed/`, in words a user can act on.
public enum IntakeRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case symbolicLink
    case directory
    case fifo
    case socket
    case device
    case notRegularFile
    /// A file with other names elsewhere: a hard link, which could expose a file its dropper
    /// could not read.
    case hardLink(links: Int)
    case empty
    case tooLarge(size: Int, limit: Int)
    /// The file could not be opened or read; `reason` is the system's message.
    case unreadable(reason: String)
    /// The extraction pipeline rejected the content (binary, undecodable, …).
    case extraction(reason: String, stage: String)
    /// The process died while this file was being processed, `attempts` times, the last during
    /// `stage`; `signal` is the signal that stopped it, when a supervising process saw it.
    case crashed(attempts: Int, stage: String, signal: Int32?)

    /// The step that refused the file, as stored in the failure row and `error.json`.
    public var stage: String {
        switch self {
        case .symbolicLink, .directory, .fifo, .socket, .device, .notRegularFile, .hardLink: "claim"
        case .empty, .tooLarge, .unreadable: "read"
        case .extraction(_, let stage), .crashed(_, let stage, _): stage
        }
    }

    public var description: String {
        switch self {
        case .symbolicLink: "the file is a symbolic link; Gazette only takes regular files"
        case .directory:
            "the entry is a directory; Gazette only takes regular files (set recursive to watch subfolders)"
        case .fifo: "the file is a named pipe (FIFO); Gazette only takes regular files"
        case .socket: "the file is a socket; Gazette only takes regular files"
        case .device: "the file is a device; Gazette only takes regular files"
        case .notRegularFile: "the entry is not a regular file"
        case .hardLink(let links):
            "the file is a hard link (it has \(links) names); Gazette does not read linked files, which may belong to"
                + " someone else: copy the file into the inbox instead of linking it"
        case .empty: "the file is empty"
        case .tooLarge(let size, let limit): "the file has \(size) bytes, more than the limit of \(limit) bytes"
        case .unreadable(let reason): "the file could not be read: \(reason)"
        case .extraction(let reason, _): reason
        case .crashed(let attempts, let stage, let signal):
            "Gazette stopped " + (attempts == 1 ? "" : "\(attempts) times ")
                + "while working on this file, in its \(stage) step"
                + (signal.map { " (\(Self.signalName($0)))" } ?? "")
                + "; it was set aside so that the other files could go on. This is a bug in Gazette that the file"
                + " triggers: please report it with the file attached."
        }
    }

    /// `signal 4, illegal instruction`.
    public static func signalName(_ signal: Int32) -> String {
        "signal \(signal)" + (strsignal(signal).map { ", " + String(cString: $0).lowercased() } ?? "")
    }
}
