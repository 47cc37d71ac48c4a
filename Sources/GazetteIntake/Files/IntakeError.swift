/// Problems that stop the intake as a whole (as opposed to one file's ``IntakeRefusal``).
public enum IntakeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A folder is missing and could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The inbox and the state directory are on different filesystems, so files cannot be
    /// claimed by an atomic rename.
    case differentFilesystems(inbox: String, stateDirectory: String)
    /// The inbox cannot be listed.
    case cannotListDirectory(path: String, reason: String)
    /// A file's article is stored but the file could not be archived (or deleted); it stays in
    /// `work/` and is archived at the next start.
    case cannotFileAway(path: String, destination: String?, reason: String)
    /// inotify could not be set up (e.g. the per-user limit of instances or watches is reached).
    case cannotWatch(path: String, reason: String)
    /// The database file was deleted or replaced under the running process (`reason` says which
    /// and what to do): the intake stopped so that no more articles are written to it.
    case storeLost(reason: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "cannot create the folder \(path): \(reason)"
        case .differentFilesystems(let inbox, let stateDirectory):
            "the inbox \(inbox) and the state directory \(stateDirectory) are on different filesystems; "
                + "Gazette claims files by an atomic rename, so put both on the same filesystem"
        case .cannotListDirectory(let path, let reason):
            "cannot list the folder \(path): \(reason)"
        case .cannotFileAway(let path, let destination?, let reason):
            "cannot move \(path) into \(destination): \(reason)"
        case .cannotFileAway(let path, nil, let reason):
            "cannot delete \(path): \(reason)"
        case .cannotWatch(let path, let reason):
            "cannot watch \(path) with inotify: \(reason); set the watch mode to poll or raise fs.inotify limits"
        case .storeLost(let reason):
            reason
        }
    }
}
