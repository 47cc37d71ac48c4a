import Foundation

/// Links from a digest to files of the archive.
struct FileLink {
    /// The folder's absolute path as components, or nil for absolute links.
    private let folder: [Substring]?
    private let workingDirectory: String
    /// Folders already resolved: standardising a path resolves symbolic links, a system call per
    /// component, and a day's archived files share a handful of folders.
    private var folders: [Substring: String] = [:]

    /// Links from `folder` (resolved against the working directory, read once), or absolute
    /// links when there is no folder.
    init(from folder: String?) {
        let workingDirectory = FileManager.default.currentDirectoryPath
        self.workingDirectory = workingDirectory
        self.folder = folder.map { Self.absolute($0, in: workingDirectory).split(separator: "/") }
    }

    /// `path` relative to the folder, each component percent-encoded for use in Markdown and
    /// HTML links; the absolute path when there is no folder.
    mutating func to(_ path: String) -> String {
        let target = absolute(path)
        guard let from = folder else { return Self.encoded(target) }
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.map(Self.encoded).joined(separator: "/")
    }

    /// ``absolute(_:in:)`` with the folder part of `path` resolved once.
    private mutating func absolute(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path.index(after: slash) < path.endIndex else {
            return Self.absolute(path, in: workingDirectory)
        }
        let name = path[path.index(after: slash)...]
        guard name != ".", name != ".." else { return Self.absolute(path, in: workingDirectory) }
        let folder = path[..<slash]
        if let resolved = folders[folder] { return resolved + "/" + name }
        let resolved = Self.absolute(folder.isEmpty ? "/" : String(folder), in: workingDirectory)
        folders[folder] = resolved == "/" ? "" : resolved
        return (resolved == "/" ? "" : resolved) + "/" + name
    }

    static func absolute(_ path: String) -> String {
        absolute(path, in: FileManager.default.currentDirectoryPath)
    }

    private static func absolute(_ path: String, in workingDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        return (joined as NSString).standardizingPath
    }

    private static let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "()[]"))

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
