/// Turns cleaned lines into paragraphs, deciding per document what a newline means.
///
/// Text saved from a web page has one paragraph per line; text typed or mailed is hard-wrapped,
/// with blank lines between paragraphs. Lines inside a block (a run of non-empty lines) count as
/// hard wraps when most of them are of wrapping length and break mid-sentence; then a block is
/// one paragraph, its lines joined by a space. Otherwise every line is a paragraph.
///
/// Both passes walk the lines in place: a file of millions of short lines would otherwise hold
/// an array per block and one per paragraph besides its lines (issue 14.17).
enum ParagraphAssembler {
    static let wrapLength = 120

    /// The body: the paragraphs separated by a blank line (`\n\n`).
    static func body(_ lines: [String]) -> String {
        let hardWrapped = isHardWrapped(lines)
        var body = ""
        body.reserveCapacity(lines.reduce(0) { $0 + ($1.isEmpty ? 0 : $1.utf8.count + 2) })
        var inBlock = false
        for line in lines {
            guard !line.isEmpty else {
                inBlock = false
                continue
            }
            if !body.isEmpty { body += hardWrapped && inBlock ? " " : "\n\n" }
            body += line
            inBlock = true
        }
        return body
    }

    /// Whether newlines inside blocks of `lines` are hard wraps.
    static func isHardWrapped(_ lines: [String]) -> Bool {
        var inner = 0
        var short = 0
        var open = 0
        // A line inside a block is one followed by another non-empty line.
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
            inner += 1
            if line.hasAtMost(wrapLength) { short += 1 }
            if let last = line.last, !".!?:\"”’)".contains(last) { open += 1 }
        }
        guard inner > 0 else { return false }
        return short * 10 >= inner * 8 && open * 2 >= inner
    }
}
