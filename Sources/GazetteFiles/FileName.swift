/// File names within the filesystem's limit of 255 bytes (`NAME_MAX`).
package enum FileName {
    package static let maximumBytes = 255

    /// `name` shortened so that `reserving` more bytes still fit: its stem is cut (at a character
    /// boundary) and its extension kept, `report.txt` → `repo.txt`.
    package static func shortened(_ name: String, reserving: Int = 0) -> String {
        let room = maximumBytes - reserving
        guard name.utf8.count > room else { return name }
        var stem = Substring(name)
        var ext = Substring("")
        if let dot = name.lastIndex(of: "."), dot != name.startIndex,
            name.utf8.distance(from: dot, to: name.endIndex) <= 16
        {
            stem = name[..<dot]
            ext = name[dot...]
        }
        let budget = max(1, room - ext.utf8.count)
        var kept = ""
        for character in stem {
            if kept.utf8.count + String(character).utf8.count > budget { break }
            kept.append(character)
        }
        return kept + ext
    }
}
