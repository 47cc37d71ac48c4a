/// Turns cleaned lines into paragraphs, deciding per document what a newline means.
///
/// Text saved from a web page has one paragraph per line; text typed or mailed is hard-wrapped,
/// with blank lines between paragraphs. Lines inside a block count as hard wraps when most
/// of them are of wrapping length and break mid-sentence; then a block is one paragraph, its
/// lines joined by a space. Otherwise every line is a paragraph.
enum ParagraphAssembler {
    static let wrapLength = 120

    static func paragraphs(_ lines: [String]) -> [String] {
        let blocks = blocks(lines)
        if isHardWrapped(blocks) { return blocks.map { $0.joined(separator: " ") } }
        return blocks.flatMap { $0 }
    }

    /// Whether newlines inside blocks of `lines` are hard wraps.
    static func isHardWrapped(_ lines: [String]) -> Bool { isHardWrapped(blocks(lines)) }

    /// Runs of non-empty lines.
    static func blocks(_ lines: [String]) -> [[String]] {
        var blocks: [[String]] = [[]]
        for line in lines {
            if line.isEmpty {
                if !blocks[blocks.count - 1].isEmpty { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        blocks.removeAll { $0.isEmpty }
        return blocks
    }

    static func isHardWrapped(_ blocks: [[String]]) -> Bool {
        var inner = 0
        var short = 0
        var open = 0
        for block in blocks {
            for line in block.dropLast() {
                inner += 1
                if line.hasAtMost(wrapLength) { short += 1 }
                if let last = line.last, !".!?:\"”’)".contains(last) { open += 1 }
            }
        }
        guard inner > 0 else { return false }
        return short * 10 >= inner * 8 && open * 2 >= inner
    }
}
