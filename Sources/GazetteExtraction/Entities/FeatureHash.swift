/// 64-bit hashing for NER features: FNV-1a over scalars plus a final mixer, so that feature
/// strings never need to be built. Values are stable across runs and platforms (the trained
/// model stores bucket indices derived from them).
enum FeatureHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func add(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes two values into one (a template id and a value, or two values).
    @inline(__always) static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a &+ 0x9E37_79B9_7F4A_7C15 &+ (b &* 0xBF58_476D_1CE4_E5B9)
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// The scalar as the tagger sees it: curly quotes and apostrophes folded to straight ones.
    @inline(__always) static func fold(_ c: Unicode.Scalar) -> UInt32 {
        switch c.value {
        case 0x2018, 0x2019, 0x02BC: return 0x27
        case 0x201C, 0x201D: return 0x22
        case 0x2013, 0x2014: return 0x2D
        default: return c.value
        }
    }

    /// Lower-case form of a folded scalar value; digits become `0` when `digits` is set.
    @inline(__always) static func lower(_ v: UInt32, digits: Bool) -> UInt32 {
        if v < 128 {
            if v >= 65 && v <= 90 { return v + 32 }
            if digits && v >= 48 && v <= 57 { return 48 }
            return v
        }
        guard let s = Unicode.Scalar(v) else { return v }
        if !s.properties.changesWhenLowercased { return v }
        return s.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }
}
