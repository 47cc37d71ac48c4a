/// Non-local evidence (Ratinov & Roth's "prediction history"): the entity types the tagger
/// already gave a word earlier in the same document, so that `Putin` tagged PER in the lede
/// pulls later `Putin`s the same way.
package struct DocumentHistory {
    package init() {}

    /// Lower-case word hash → four 8-bit counters (PER, LOC, ORG, MISC).
    private var counts = HashMap64()

    /// The majority type seen for the word plus one, or 0 when never tagged.
    func feature(for word: TokenFeatures) -> UInt64 {
        guard word.isCapitalized, let c = counts[word.lower] else { return 0 }
        var best = 0
        var bestCount: UInt32 = 0
        for t in 0..<4 {
            let k = (c >> (8 * UInt32(t))) & 0xFF
            if k > bestCount {
                best = t
                bestCount = k
            }
        }
        return bestCount == 0 ? 0 : UInt64(best + 1)
    }

    mutating func record(_ word: TokenFeatures, _ label: NERLabel) {
        guard word.isCapitalized, let t = label.typeIndex else { return }
        let c = counts[word.lower] ?? 0
        let shift = 8 * UInt32(t)
        if (c >> shift) & 0xFF < 0xFF { counts[word.lower] = c &+ (1 << shift) }
    }
}
