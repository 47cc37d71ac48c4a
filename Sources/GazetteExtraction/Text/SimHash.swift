/// 64-bit SimHash of a text over word 3-shingles, for near-duplicate detection: texts that
/// differ in a few words differ in a few bits.
///
/// Words are the lower-cased word and number tokens; each shingle (three consecutive words
/// joined by a space) is hashed with FNV-1a 64 and votes on every bit. A text of fewer than
/// three words is one shingle.
public enum SimHash {
    public static func hash(_ text: AnalyzedText) -> UInt64 {
        // The words' UTF-8 bytes one after another (word `k` ends at `ends[k]`), so that each
        // shingle is hashed as if joined by spaces without building the joined string.
        var total = 0
        var count = 0
        for (i, token) in text.tokens.enumerated() where token.kind == .word || token.kind == .number {
            total += text.words[i].utf8.count
            count += 1
        }
        var ends = [Int](repeating: 0, count: count)
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { out, written in
            var n = 0
            var k = 0
            for (i, token) in text.tokens.enumerated() where token.kind == .word || token.kind == .number {
                let packed = text.packedWords[i]
                if packed.isPacked {
                    for b in 0..<Int(packed.length) {
                        out[n] = packed.byte(b)
                        n += 1
                    }
                } else {
                    for b in text.words[i].utf8 {
                        out[n] = b
                        n += 1
                    }
                }
                ends[k] = n
                k += 1
            }
            written = n
        }
        guard !ends.isEmpty else { return 0 }
        // Per bit, how many shingle hashes have it set, counted eight bits to a vector: a bit
        // of the result is set when more than half of the hashes have it.
        var ones = [SIMD8<Int32>](repeating: .zero, count: 8)
        let shifts = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
        let width = min(3, ends.count)
        let shingles = ends.count - width + 1
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                ones.withUnsafeMutableBufferPointer { ones in
                    for start in 0...(ends.count - width) {
                        var h: UInt64 = 0xcbf2_9ce4_8422_2325
                        for k in start..<(start + width) {
                            if k > start { h = (h ^ 0x20) &* 0x0000_0100_0000_01b3 }
                            for i in (k == 0 ? 0 : ends[k - 1])..<ends[k] {
                                h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01b3
                            }
                        }
                        for group in 0..<8 {
                            let bits = (SIMD8<UInt64>(repeating: h >> UInt64(8 * group)) &>> shifts) & 1
                            ones[group] &+= SIMD8<Int32>(truncatingIfNeeded: bits)
                        }
                    }
                }
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where 2 * Int(ones[bit / 8][bit % 8]) > shingles { result |= 1 << UInt64(bit) }
        return result
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
