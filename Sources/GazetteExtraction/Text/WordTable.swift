/// A fixed map from words to values for the rule-based stages' lexicons, looked up once or
/// more per token.
///
/// `Dictionary<String, _>` hashes every looked-up word with SipHash and compares strings by
/// canonical equivalence. Here an ASCII word of up to 16 bytes (nearly every token) is packed
/// into two integers and found by one multiply and a probe; any other word goes to an
/// ordinary dictionary, so the answers are the dictionary's. (An ASCII word is canonically
/// equivalent only to itself, given keys written in NFC, as lexicon words are.)
struct WordTable<Value: Sendable>: Sendable {
    private var los: [UInt64]
    private var his: [UInt64]
    /// Byte length + 1 of the key in each slot; 0 marks an empty slot.
    private var lengths: [UInt8]
    private var slotValues: [Value?]
    private let shift: UInt64
    /// Every entry, for words the packed table cannot answer.
    private let dictionary: [String: Value]
    private let hasLongKeys: Bool

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var bits = 4
        while 1 << bits < dictionary.count * 3 { bits += 1 }
        los = [UInt64](repeating: 0, count: 1 << bits)
        his = los
        lengths = [UInt8](repeating: 0, count: 1 << bits)
        slotValues = [Value?](repeating: nil, count: 1 << bits)
        let shift = UInt64(64 - bits)
        self.shift = shift
        var long = false
        for (key, value) in dictionary {
            guard let packed = PackedWord(key) else {
                long = long || key.utf8.count > 16
                continue
            }
            var i = Self.slot(packed.lo, packed.hi, shift: shift)
            while lengths[i] != 0 { i = (i + 1) & (lengths.count - 1) }
            (los[i], his[i], lengths[i], slotValues[i]) = (packed.lo, packed.hi, packed.length + 1, value)
        }
        hasLongKeys = long
    }

    var keys: Dictionary<String, Value>.Keys { dictionary.keys }

    subscript(_ word: String) -> Value? {
        guard let packed = PackedWord(word) else {
            return word.utf8.count > 16 && !hasLongKeys ? nil : dictionary[word]
        }
        return probe(packed)
    }

    /// The value of `word` given with its ``PackedWord`` (as ``AnalyzedText`` keeps one per
    /// token), which saves packing it again.
    @inline(__always)
    subscript(_ word: String, packed packed: PackedWord) -> Value? {
        packed.isPacked ? probe(packed) : self[word]
    }

    @inline(__always)
    private func probe(_ packed: PackedWord) -> Value? {
        let mask = lengths.count - 1
        var i = Self.slot(packed.lo, packed.hi, shift: shift)
        while lengths[i] != 0 {
            if los[i] == packed.lo, his[i] == packed.hi, lengths[i] == packed.length + 1 { return slotValues[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    @inline(__always)
    private static func slot(_ lo: UInt64, _ hi: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((lo &* 0x9E37_79B9_7F4A_7C15) ^ (hi &* 0xC2B2_AE3D_27D4_EB4F)) >> shift)
    }
}

extension WordTable where Value == Bool {
    /// A set of words.
    init(_ words: some Sequence<String>) {
        self.init(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    func contains(_ word: String) -> Bool { self[word] != nil }

    func contains(_ word: String, packed: PackedWord) -> Bool { self[word, packed: packed] != nil }
}

/// A word's bytes as ``WordTable`` looks them up, made once per token: an ASCII word of at
/// most 16 bytes, little-endian in two integers; any other word is marked not packed.
struct PackedWord: Sendable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0
    /// The byte length; `notPacked` for a word over 16 bytes or not ASCII.
    var length: UInt8 = 0

    static let notPacked: UInt8 = 0xFF

    var isPacked: Bool { length != Self.notPacked }

    init(lo: UInt64 = 0, hi: UInt64 = 0, length: UInt8 = 0) {
        (self.lo, self.hi, self.length) = (lo, hi, length)
    }

    /// An ASCII word of at most 16 bytes; nil for a longer or non-ASCII word.
    init?(_ word: String) {
        let count = word.utf8.count
        guard count <= 16 else { return nil }
        self.init(length: UInt8(count))
        var all: UInt8 = 0
        for (k, b) in word.utf8.enumerated() {
            all |= b
            put(b, at: k)
        }
        guard all < 0x80 else { return nil }
    }

    /// Byte `k` (below ``length``) of the word.
    @inline(__always)
    func byte(_ k: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: k < 8 ? lo >> (8 * k) : hi >> (8 * (k - 8)))
    }

    /// Sets byte `k` (below 16) of the word.
    @inline(__always)
    mutating func put(_ b: UInt8, at k: Int) {
        if k < 8 { lo |= UInt64(b) << (8 * k) } else { hi |= UInt64(b) << (8 * (k - 8)) }
    }
}
