import Foundation

/// A link from a digest to a file of the archive.
enum FileLink {
    /// `path` relative to `folder` (both resolved against the working directory), each component
    /// percent-encoded for use in Markdown and HTML links; the absolute path when there is no folder.
    static func to(_ path: String, from folder: String?) -> String {
        let target = absolute(path)
        guard let folder else { return encoded(target) }
        let from = absolute(folder).split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.map(encoded).joined(separator: "/")
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (joined as NSString).standardizingPath
    }

    private static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "()[]")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
