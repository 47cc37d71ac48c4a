/// Non-local evidence from the whole document (Ratinov & Roth 2009), fixed before tagging: how
/// a word is written elsewhere in it, and whether it is part of a company name there. A
/// capitalised word that also appears in lower case is likely an ordinary word at the start of
/// a sentence; one capitalised mid-sentence elsewhere is likely a name, which tells `CLINTON`
/// in a capitals headline from `WINS`; `Newmont` alone is the company of `Newmont Mining Corp`.
enum DocumentCasing {
    /// Seen in lower case at another position.
    static let lowerElsewhere: UInt8 = 1
    /// Seen capitalised (not all capitals) inside a sentence of mixed case at another position.
    static let capitalisedElsewhere: UInt8 = 2
    /// Seen in all capitals inside a sentence of mixed case at another position (`NATO`).
    static let capitalsElsewhere: UInt8 = 4
    /// Part of a capitalised run that ends in an organisation suffix (`Newmont Mining Corp`).
    static let inOrganisationName: UInt8 = 8

    /// Sets ``TokenFeatures/casing`` of every word of one document. `sentences` are ranges of
    /// `words`; `suffix` tells whether a word is an organisation suffix (`Corp`, `Ltd`).
    static func mark(_ words: inout [TokenFeatures], sentences: [Range<Int>], suffix: (TokenFeatures) -> Bool) {
        // Per lower-case word: counts of the three spellings, 10 bits each, and bit 30 for
        // "in an organisation name".
        var counts = HashMap64(minimumCapacity: words.count)
        var kinds = [UInt8](repeating: 0, count: words.count)
        for s in sentences {
            let headline = isHeadline(words[s])
            var run = s.lowerBound
            // Words of the current run already marked by an earlier suffix in it: each word is
            // marked once, so a long run of capitalised suffixes (`Council Council …`) stays linear.
            var marked = run
            for i in s {
                let w = words[i]
                if !w.isCapitalized || headline {
                    run = i + 1
                    marked = run
                } else if i > run, suffix(w) {
                    for k in marked..<i where !suffix(words[k]) { counts[words[k].lower, default: 0] |= 1 << 30 }
                    marked = i
                }
                guard w.hasLetter else { continue }
                let kind: UInt8
                if !w.isCapitalized {
                    kind = w.isAllCaps ? 0 : lowerElsewhere
                } else if headline || i == s.lowerBound {
                    kind = 0
                } else {
                    kind = w.isAllCaps && w.length > 1 ? capitalsElsewhere : capitalisedElsewhere
                }
                kinds[i] = kind
                guard kind != 0 else { continue }
                let shift = UInt32(kind.trailingZeroBitCount * 10)
                let c = counts[w.lower] ?? 0
                if (c >> shift) & 0x3FF < 0x3FF { counts[w.lower] = c &+ (1 << shift) }
            }
        }
        for i in words.indices where words[i].hasLetter {
            guard let c = counts[words[i].lower] else { continue }
            var bits: UInt8 = c & (1 << 30) != 0 ? inOrganisationName : 0
            for kind in [lowerElsewhere, capitalisedElsewhere, capitalsElsewhere] {
                let shift = UInt32(kind.trailingZeroBitCount * 10)
                let others = ((c >> shift) & 0x3FF) - (kinds[i] == kind ? 1 : 0)
                if others > 0 { bits |= kind }
            }
            words[i].casing = bits
        }
    }

    /// A sentence whose letters are all capitals (`SOCCER - JAPAN GET LUCKY WIN`).
    static func isHeadline(_ words: ArraySlice<TokenFeatures>) -> Bool {
        var letters = 0
        for w in words where w.hasLetter {
            if !w.isAllCaps { return false }
            letters += 1
        }
        return letters >= 2
    }
}
