/// 64-bit SimHash of a text over word 3-shingles, for near-duplicate detection: texts that
/// differ in a few words differ in a few bits.
///
/// Words are the lower-cased word and number tokens; each shingle (three consecutive words
/// joined by a space) is hashed with FNV-1a 64 and votes on every bit. A text of fewer than
/// three words is one shingle.
public enum SimHash {
    public static func hash(_ text: AnalyzedText) -> UInt64 {
        var words: [String] = []
        words.reserveCapacity(text.tokens.count)
        for (i, token) in text.tokens.enumerated() where token.kind == .word || token.kind == .number {
            words.append(text.words[i])
        }
        guard !words.isEmpty else { return 0 }
        var votes = [Int](repeating: 0, count: 64)
        let width = min(3, words.count)
        for start in 0...(words.count - width) {
            // FNV-1a of the words joined by spaces, without building the joined string.
            var h = fnv1a(words[start])
            for k in (start + 1)..<(start + width) {
                h = fnv1a(" ", from: h)
                h = fnv1a(words[k], from: h)
            }
            for bit in 0..<64 {
                votes[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func fnv1a(_ s: String, from start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = start
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
