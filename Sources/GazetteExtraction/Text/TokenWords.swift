/// Lower-cased token text (``AnalyzedText/words``), with an ASCII fast path: most tokens are
/// ASCII and need neither Unicode case mapping nor an intermediate string.
enum TokenWords {
    static func lowercased(_ scalars: [Unicode.Scalar], _ t: Token) -> (word: String, packed: PackedWord) {
        var ascii = true
        for k in t.start..<t.end where scalars[k].value >= 128 {
            ascii = false
            break
        }
        guard ascii else {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[t.start..<t.end])
            return (String(s).lowercased(), PackedWord(length: PackedWord.notPacked))
        }
        let count = t.end - t.start
        var packed = PackedWord(length: count <= 16 ? UInt8(count) : PackedWord.notPacked)
        // Up to 15 bytes this is a small string, stored inline without an allocation.
        let word = String(unsafeUninitializedCapacity: count) { out in
            for k in 0..<count {
                let v = scalars[t.start + k].value
                let b = v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v)
                out[k] = b
                if k < 16 { packed.put(b, at: k) }
            }
            return count
        }
        return (word, packed)
    }
}
