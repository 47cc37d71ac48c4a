/// Non-local evidence from the whole document (Ratinov & Roth's "context aggregation"): the
/// words around the other occurrences of a capitalised word. `Bologna` before a score in a
/// results table, or `Norilsk` before `said` elsewhere, tells what it is here too.
enum DocumentContexts {
    /// Stands for the sentence edge as a neighbour.
    static let edge: UInt64 = 0xED6E

    /// Sets ``TokenFeatures/elsewhere`` of every capitalised word of one document from the
    /// nearest earlier and the nearest later occurrence of the same word. `sentences` are
    /// ranges of `words`. A capitalised neighbour counts by its shape, a lower-case one by
    /// its word.
    static func mark(_ words: inout [TokenFeatures], sentences: [Range<Int>]) {
        var left = [UInt64](repeating: edge, count: words.count)
        var right = [UInt64](repeating: edge, count: words.count)
        for s in sentences where !s.isEmpty {
            for i in s.dropFirst() { left[i] = words[i - 1].isCapitalized ? words[i - 1].shape : words[i - 1].lower }
            for i in s.dropLast() { right[i] = words[i + 1].isCapitalized ? words[i + 1].shape : words[i + 1].lower }
        }
        // Index + 1 of the last occurrence seen, so that a missing key and index 0 differ. Only
        // capitalised words are keys: the tables are sized for them, not for every token.
        let capitalized = words.reduce(0) { $0 + ($1.isCapitalized ? 1 : 0) }
        var last = HashMap64(minimumCapacity: capitalized)
        for i in words.indices where words[i].isCapitalized {
            if let j = last[words[i].lower] {
                words[i].elsewhere.0 = left[Int(j) - 1]
                words[i].elsewhere.1 = right[Int(j) - 1]
            }
            last[words[i].lower] = UInt32(i + 1)
        }
        var next = HashMap64(minimumCapacity: capitalized)
        for i in words.indices.reversed() where words[i].isCapitalized {
            if let j = next[words[i].lower] {
                words[i].elsewhere.2 = left[Int(j) - 1]
                words[i].elsewhere.3 = right[Int(j) - 1]
            }
            next[words[i].lower] = UInt32(i + 1)
        }
    }
}
