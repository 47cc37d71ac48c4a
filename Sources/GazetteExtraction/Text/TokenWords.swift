/// Lower-cased token text (``AnalyzedText/words``), with an ASCII fast path: most tokens are
/// ASCII and need neither Unicode case mapping nor an intermediate string.
enum TokenWords {
    static func lowercased(_ scalars: [Unicode.Scalar], _ t: Token) -> String {
        var ascii = true
        for k in t.start..<t.end where scalars[k].value >= 128 {
            ascii = false
            break
        }
        guard ascii else {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[t.start..<t.end])
            return String(s).lowercased()
        }
        // Up to 15 bytes this is a small string, stored inline without an allocation.
        return String(unsafeUninitializedCapacity: t.end - t.start) { out in
            for k in t.start..<t.end {
                let v = scalars[k].value
                out[k - t.start] = v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v)
            }
            return t.end - t.start
        }
    }
}
