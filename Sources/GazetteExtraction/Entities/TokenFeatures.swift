/// Hashes of one token's word forms, computed once per token straight from the scalars so
/// that tagging allocates no strings.
package struct TokenFeatures {
    /// The folded surface form (case kept).
    var raw: UInt64 = 0
    /// Lower case, digits folded to `0`.
    var lower: UInt64 = 0
    /// Collapsed shape: `Xx`, `X.X.`, `d`, `x-x`….
    var shape: UInt64 = 0
    var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var isCapitalized = false
    var isAllCaps = false
    var hasLetter = false
    /// Begins with a lower-case letter and has no capital (`said`, `de`; not `al-Qaida`).
    var isLowercase = false
    var length = 0
    /// Brown cluster path (``WordClusters``), 0 when the word is unknown; set by the tagger.
    var cluster: UInt32 = 0
    /// ``DocumentCasing`` bits: how the word is written elsewhere in the document.
    var casing: UInt8 = 0
    /// ``DocumentContexts``: the neighbours left and right of the nearest earlier and later
    /// occurrence of this capitalised word in the document (0 when there is none).
    var elsewhere: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    package init() {}

    package init(_ s: [Unicode.Scalar], _ range: Range<Int>) {
        var raw = FeatureHash.seed
        var lower = FeatureHash.seed
        var shape = FeatureHash.seed
        var lastClass: UInt32 = 0
        var upper = 0
        var letters = 0
        var p0: UInt64 = 0
        var p1: UInt64 = 0
        var p2: UInt64 = 0
        var p3: UInt64 = 0
        length = range.count
        for (k, i) in range.enumerated() {
            let v = FeatureHash.fold(s[i])
            raw = FeatureHash.add(raw, v)
            let l = FeatureHash.lower(v, digits: true)
            lower = FeatureHash.add(lower, l)
            switch k {
            case 0: p0 = lower
            case 1: p1 = lower
            case 2: p2 = lower
            case 3: p3 = lower
            default: break
            }
            let cls: UInt32
            if l != v {
                cls = 88
                upper += 1
                letters += 1
            }  // X
            else if l == 48 && v >= 48 && v <= 57 {
                cls = 100
            }  // d
            else if Tokenizer.isLetter(s[i]) {
                cls = 120
                letters += 1
            }  // x
            else {
                cls = v
            }
            if cls != lastClass {
                shape = FeatureHash.add(shape, cls)
                lastClass = cls
            }
            if k == 0 {
                isCapitalized = cls == 88
                isLowercase = cls == 120
            }
        }
        self.raw = raw
        self.lower = lower
        self.shape = shape
        hasLetter = letters > 0
        isAllCaps = letters > 0 && upper == letters
        isLowercase = isLowercase && upper == 0
        prefixes = (p0, p1, p2, p3)
        // Suffixes hashed from the end backwards; zero when the word is shorter.
        var h = FeatureHash.seed
        var k = 0
        var i = range.upperBound - 1
        while i >= range.lowerBound && k < 4 {
            h = FeatureHash.add(h, FeatureHash.lower(FeatureHash.fold(s[i]), digits: true))
            switch k {
            case 0: suffixes.0 = h
            case 1: suffixes.1 = h
            case 2: suffixes.2 = h
            default: suffixes.3 = h
            }
            k += 1
            i -= 1
        }
    }

    /// ``lower`` alone, for look-ups that need no other feature.
    static func lowerHash(_ s: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        var h = FeatureHash.seed
        for i in range { h = FeatureHash.add(h, FeatureHash.lower(FeatureHash.fold(s[i]), digits: true)) }
        return h
    }

    /// `properties.isUppercase` with an ASCII fast path (the property lookup is slow).
    @inline(__always) static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.value < 128 ? (c.value >= 65 && c.value <= 90) : c.properties.isUppercase
    }
}
