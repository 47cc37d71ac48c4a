/// The feature templates of the tagger (Ratinov & Roth 2009 style): word, lower case, shape,
/// affixes, a ±2 context window, sentence-initial and headline flags, gazetteer membership,
/// how the word is written elsewhere in the document, Brown cluster prefixes, plus decode-time
/// features (previous tags, document history). Every feature is a hashed bucket index into the
/// weight table; nothing is built as a string.
package enum NERFeatures {
    /// Features per token fixed before decoding.
    package static let staticCount = 50
    /// Features per token that depend on earlier decisions.
    static let dynamicCount = 5

    @inline(__always) static func bucket(_ template: UInt64, _ value: UInt64, _ mask: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: FeatureHash.combine(template &* 0x1000_0000_01B3, value)) & mask
    }

    /// Template id of a gazetteer list's begin/inside feature: 25…31 for the first seven lists
    /// (ids 32…36 are taken), 60… for the rest.
    @inline(__always) static func listTemplate(_ list: Gazetteer.List) -> UInt64 {
        list.rawValue < 7 ? 25 + UInt64(list.rawValue) : 53 + UInt64(list.rawValue)
    }

    /// Writes `staticCount` buckets per token into `out`.
    static func extract(
        _ w: UnsafeBufferPointer<TokenFeatures>,
        begin: UnsafeBufferPointer<UInt16>,
        inside: UnsafeBufferPointer<UInt16>,
        mask: UInt32,
        into out: UnsafeMutableBufferPointer<UInt32>
    ) {
        let n = w.count
        var letters = 0
        var caps = 0
        for t in w where t.hasLetter {
            letters += 1
            if t.isAllCaps { caps += 1 }
        }
        // A headline in capitals (`SOCCER - JAPAN GET LUCKY WIN`): casing says little there.
        let headline: UInt64 = letters >= 2 && caps == letters ? 1 : 0
        let none = TokenFeatures()
        let boundary: UInt64 = 0xB0B0
        for i in 0..<n {
            let c = w[i]
            let p1 = i > 0 ? w[i - 1] : none
            let p2 = i > 1 ? w[i - 2] : none
            let n1 = i + 1 < n ? w[i + 1] : none
            let n2 = i + 2 < n ? w[i + 2] : none
            let l1 = i > 0 ? p1.lower : boundary
            let l2 = i > 1 ? p2.lower : boundary
            let r1 = i + 1 < n ? n1.lower : boundary
            let r2 = i + 2 < n ? n2.lower : boundary
            let first: UInt64 = i == 0 ? 1 : 0
            var f = i * staticCount
            @inline(__always) func put(_ template: UInt64, _ value: UInt64) {
                out[f] = bucket(template, value, mask)
                f += 1
            }
            put(0, 0)
            put(1, c.raw)
            put(2, c.lower)
            put(3, c.shape)
            put(4, c.prefixes.0)
            put(5, c.prefixes.1)
            put(6, c.prefixes.2)
            put(7, c.prefixes.3)
            put(8, c.suffixes.0)
            put(9, c.suffixes.1)
            put(10, c.suffixes.2)
            put(11, c.suffixes.3)
            put(12, l1)
            put(13, r1)
            put(14, l2)
            put(15, r2)
            put(16, p1.shape)
            put(17, n1.shape)
            put(18, FeatureHash.combine(l1, c.lower))
            put(19, FeatureHash.combine(c.lower, r1))
            put(20, FeatureHash.combine(FeatureHash.combine(p1.shape, c.shape), n1.shape))
            put(21, FeatureHash.combine(first, c.shape))
            put(22, FeatureHash.combine(first, c.lower))
            put(23, FeatureHash.combine(headline, c.shape))
            put(24, FeatureHash.combine(headline, c.lower))
            for list in Gazetteer.List.allCases {
                let state: UInt64 = begin[i] & list.bit != 0 ? 1 : (inside[i] & list.bit != 0 ? 2 : 0)
                put(Self.listTemplate(list), FeatureHash.combine(state, headline))
            }
            put(32, i > 0 ? UInt64(begin[i - 1] | inside[i - 1]) : 0x10000)
            put(33, i + 1 < n ? UInt64(begin[i + 1]) | UInt64(inside[i + 1]) << 16 : 1 << 32)
            put(34, p1.raw)
            put(35, FeatureHash.combine(c.shape, l1))
            put(36, FeatureHash.combine(UInt64(begin[i]) | UInt64(inside[i]) << 16, c.shape))
            // Template ids 40…44 are the decode-time ones.
            put(50, FeatureHash.combine(UInt64(c.casing), first | headline << 1))
            put(51, FeatureHash.combine(UInt64(c.casing), c.shape))
            put(52, WordClusters.prefix(c.cluster, 4))
            put(53, WordClusters.prefix(c.cluster, 8))
            put(54, WordClusters.prefix(c.cluster, 20))
            // The nearest earlier and later occurrences share templates: their contexts are
            // evidence of one kind (separate templates did no better on testa).
            put(70, c.elsewhere.0)
            put(71, c.elsewhere.1)
            put(70, c.elsewhere.2)
            put(71, c.elsewhere.3)
        }
    }

    /// Writes the `dynamicCount` decode-time buckets for a token into `out`.
    @inline(__always) static func dynamic(
        _ c: TokenFeatures, previous: NERLabel, beforePrevious: NERLabel, history: UInt64, mask: UInt32,
        into out: UnsafeMutablePointer<UInt32>
    ) {
        let p = UInt64(previous.rawValue)
        let pp = UInt64(beforePrevious.rawValue)
        out[0] = bucket(40, p, mask)
        out[1] = bucket(41, p &* 16 &+ pp, mask)
        out[2] = bucket(42, FeatureHash.combine(p, c.lower), mask)
        out[3] = bucket(43, FeatureHash.combine(p, c.shape), mask)
        out[4] = bucket(44, FeatureHash.combine(history, c.isCapitalized ? 1 : 0), mask)
    }
}
