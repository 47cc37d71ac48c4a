/// Hash keys for words, computed straight from the body's scalars so that the keyphrase,
/// summary and tone stages can look words up without building a `String` per token.
///
/// A key is 64-bit FNV-1a over the word's lower-cased scalars, with curly apostrophes folded
/// to `'`, so `Don’t`, `don't` and `DON'T` share one key.
enum WordKey {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The key of the word at `range` of `scalars`.
    @inline(__always)
    static func of(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        var h = seed
        for i in range { h = mix(h, fold(scalars[i])) }
        return h
    }

    /// The key of a word given as text (for building tables, not for hot loops).
    static func of(_ word: some StringProtocol) -> UInt64 {
        var h = seed
        for c in word.unicodeScalars { h = mix(h, fold(c)) }
        return h
    }

    /// The key of an ASCII word given as bytes (resource files).
    static func of(bytes: some Sequence<UInt8>) -> UInt64 {
        var h = seed
        for b in bytes { h = mix(h, fold(Unicode.Scalar(b))) }
        return h
    }

    @inline(__always)
    static func fold(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 128 { return v &- 65 < 26 ? v + 32 : v }
        if v == 0x2019 || v == 0x2018 { return 39 }
        if c.properties.changesWhenLowercased, let lower = c.properties.lowercaseMapping.unicodeScalars.first {
            return lower.value
        }
        return v
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 {
        var h = (h ^ UInt64(v & 0xff)) &* prime
        if v > 0xff { h = (h ^ UInt64(v >> 8)) &* prime }
        return h
    }
}
