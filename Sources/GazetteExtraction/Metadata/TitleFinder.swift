import Foundation

/// Finds an article's headline among its cleaned lines, or derives one from the lede.
enum TitleFinder {
    static let maximumWords = 20
    static let maximumLength = 160
    /// Lede titles are cut at a word boundary to about this many characters.
    static let ledeLength = 120

    /// Index of the first non-empty line when it is a headline: short, without a final period
    /// and followed by body text. In hard-wrapped text it must also stand alone in its block,
    /// or it is only the first line of a paragraph.
    static func headlineIndex(_ lines: [String], hardWrapped: Bool) -> Int? {
        guard let first = lines.firstIndex(where: { !$0.isEmpty }) else { return nil }
        if hardWrapped, first + 1 < lines.count, !lines[first + 1].isEmpty { return nil }
        let line = lines[first]
        guard line.count <= maximumLength, line.split(separator: " ").count <= maximumWords,
            line.contains(where: \.isLetter), let last = line.last, !",;:".contains(last),
            last != "." || line.hasSuffix("...")
        else { return nil }
        // Whether the following lines hold more characters, counted only until they do.
        let length = line.count
        var following = 0
        for next in lines[(first + 1)...] {
            following += next.isASCIIWithoutCR ? next.utf8.count : next.count
            if following > length { return first }
        }
        return nil
    }

    /// The first sentence, cut to about ``ledeLength`` characters at a word boundary.
    static func lede(_ text: AnalyzedText) -> String? {
        guard let sentence = text.sentences.first else { return nil }
        let full = text.text(of: sentence).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard full.count > ledeLength else { return full.isEmpty ? nil : full }
        let cut = full.prefix(ledeLength)
        let head = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return head.trimmingCharacters(in: [",", ";", ":", " ", "\u{2013}", "\u{2014}", "-"]) + "…"
    }
}
