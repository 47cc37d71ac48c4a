import Foundation

/// Removes web-scrape residue from an article's lines and reads the byline, dateline and
/// relative timestamp lines it removes into metadata.
///
/// Bylines and datelines are only looked for near the start and the end of the text, where
/// pages put them; removed lines become blank lines so they still separate paragraphs.
struct ArticleCleaner {
    /// How many non-empty lines at each end of the text may hold a byline or dateline.
    static let edgeLines = 8
    /// Words that may stand beside a date on a dateline (`Published on Wed 3 Dec 2025 at 08.00 GMT`).
    static let datelineWords: Set<String> = [
        "published", "updated", "posted", "last", "modified", "first", "on", "at", "date", "time", "by", "the", "am",
        "pm",
        "a.m", "p.m", "gmt", "bst", "utc", "est", "edt", "et", "cet", "cest", "pst", "pdt", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "z", "local",
    ]

    /// The file's modification time, the anchor for relative timestamps.
    let modified: Date
    /// The latest publication time a dateline may give (``ArticleMetadata/latestPublication(modified:)``).
    let latest: Date?

    init(modified: Date) {
        self.modified = modified
        latest = ArticleMetadata.latestPublication(modified: modified)
    }

    /// Cleans `lines` (modified in place) and returns what the removed lines said.
    func clean(_ lines: inout [String]) -> ArticleMetadata {
        var metadata = ArticleMetadata()
        var updatedAt: Date? = nil
        for i in lines.indices { lines[i] = Self.tidy(lines[i]) }
        let filled = lines.indices.filter { !lines[$0].isEmpty }
        let edge = Set(filled.prefix(Self.edgeLines) + filled.suffix(Self.edgeLines))
        for i in filled {
            let line = lines[i]
            if BoilerplateFilter.isSeparator(line) || BoilerplateFilter.isBoilerplate(line) {
                lines[i] = ""
            } else if let ago = RelativeTimestamp.parse(line) {
                if metadata.publishedAt == nil {
                    metadata.publishedAt = modified.addingTimeInterval(-ago)
                    metadata.publishedSource = .relative
                }
                lines[i] = ""
            } else if edge.contains(i), let date = Self.dateline(line) {
                let isUpdate = ["updated", "modified"].contains { line.lowercased().contains($0) }
                if let latest, date > latest {
                    // A date after the file's time is no publication time.
                } else if isUpdate {
                    updatedAt = updatedAt ?? date
                } else if metadata.publishedAt == nil {
                    metadata.publishedAt = date
                    metadata.publishedSource = .text
                }
                lines[i] = ""
            } else if edge.contains(i), let byline = BylineParser.parse(line) ?? nameBeforeDate(line, at: i, in: lines)
            {
                for author in byline.authors where !metadata.authors.contains(author) {
                    metadata.authors.append(author)
                }
                metadata.authorSource = .text
                metadata.authorRole = metadata.authorRole ?? byline.role
                metadata.publication = metadata.publication ?? byline.publication
                lines[i] = ""
            }
        }
        if metadata.publishedAt == nil, let updatedAt {
            metadata.publishedAt = updatedAt
            metadata.publishedSource = .text
        }
        // Counters (comment counts) trail the article.
        while let last = lines.lastIndex(where: { !$0.isEmpty }), BoilerplateFilter.isCounter(lines[last]) {
            lines[last] = ""
        }
        return metadata
    }

    /// A line of only a name, directly above a dateline or timestamp: how many pages print
    /// the byline (`Martin Kettle` / `Wed 3 Dec 2025 05.00 GMT`).
    func nameBeforeDate(_ line: String, at index: Int, in lines: [String]) -> BylineParser.Byline? {
        guard line.hasAtMost(80), let next = lines[(index + 1)...].first(where: { !$0.isEmpty }),
            Self.dateline(next) != nil || RelativeTimestamp.parse(next) != nil
        else { return nil }
        let names = BylineParser.splitNames(line).compactMap(BylineParser.name)
        guard !names.isEmpty, names.count == BylineParser.splitNames(line).count else { return nil }
        return BylineParser.Byline(authors: names, role: nil, publication: nil)
    }

    /// A line that is only a date, with the date it gives.
    static func dateline(_ line: String) -> Date? {
        guard line.hasAtMost(100), let match = DateParser.parse(line) else { return nil }
        return match.leftovers.allSatisfy { datelineWords.contains($0) } ? match.date : nil
    }

    /// The line with runs of spaces, tabs and no-break spaces as one space, trimmed.
    static func tidy(_ line: String) -> String {
        if let ascii = tidyASCII(line) { return ascii }
        if isTidy(line) { return line }
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        for c in line {
            if c == " " || c == "\t" || c == "\u{A0}" || c == "\u{202F}" || c == "\u{2009}" || c == "\u{200B}"
                || c == "\u{FEFF}"
            {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return out
    }

    /// Whether ``tidy(_:)`` would return the line as it is: it holds no tab or special space,
    /// and its plain spaces are single and inside. (A space joined to a combining mark is not a
    /// space character and stays either way.)
    private static func isTidy(_ line: String) -> Bool {
        var previous: UInt32 = 0x20
        for c in line.unicodeScalars {
            switch c.value {
            case 0x09, 0xA0, 0x202F, 0x2009, 0x200B, 0xFEFF: return false
            case 0x20 where previous == 0x20: return false
            default: previous = c.value
            }
        }
        return previous != 0x20
    }

    /// ``tidy(_:)`` for a line of ASCII bytes (where characters are bytes), nil for any other line.
    private static func tidyASCII(_ line: String) -> String? {
        var line = line
        let tidy = line.withUTF8 { bytes -> Bool? in
            var tidy = true
            var previous: UInt8 = 0x20
            for b in bytes {
                guard b < 0x80 else { return nil }
                // A tab, a second space in a row or a leading space needs rewriting.
                if b == 0x09 || (b == 0x20 && previous == 0x20) { tidy = false }
                previous = b
            }
            return tidy && previous != 0x20
        }
        guard let tidy else { return nil }
        if tidy { return line }
        return line.withUTF8 { bytes -> String? in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var pendingSpace = false
                for b in bytes {
                    if b == 0x20 || b == 0x09 {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace {
                            out[n] = 0x20
                            n += 1
                        }
                        pendingSpace = false
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
    }
}
