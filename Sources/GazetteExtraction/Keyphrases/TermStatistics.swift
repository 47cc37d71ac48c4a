/// One pass over the article collecting what YAKE (Campos et al., 2020) scores: for every
/// distinct word its frequency, casing, sentence spread and position and its left/right
/// neighbours, and for every candidate phrase of one to three words its frequency.
///
/// Words are keyed by ``WordKey`` and numbered densely; candidates are packed term-id
/// triples. Punctuation, numbers and possessive `'s` end a chunk: no candidate spans them.
struct TermStatistics {
    /// A candidate phrase: up to three consecutive words of one chunk.
    struct Candidate {
        var terms: (Int32, Int32, Int32)
        var count: Int32
        /// Index of the first token of its first occurrence.
        var firstToken: Int32
        var length: Int8

        @inline(__always)
        func term(_ k: Int) -> Int32 { k == 0 ? terms.0 : k == 1 ? terms.1 : terms.2 }
    }

    static let maxWords = 3
    /// Term ids are packed 21 bits each into a candidate key.
    static let maxTerms = (1 << 21) - 2

    var termIndex: KeyTable
    /// The ``WordKey`` of each term (adjusted for acronyms, see ``termKey(_:_:)``).
    var keys: [UInt64] = []
    var tf: [Int32] = []
    var tfCapitalised: [Int32] = []
    var tfAcronym: [Int32] = []
    var isStop: [Bool] = []
    var sentenceCount: [Int32] = []
    var lastSentence: [Int32] = []
    /// Distinct sentence indices per term, in (term, sentence) pairs: see ``medianSentence``.
    var occurrences: [(term: Int32, sentence: Int32)] = []
    var leftDistinct: [Int32] = []
    var leftTotal: [Int32] = []
    var rightDistinct: [Int32] = []
    var rightTotal: [Int32] = []
    /// Co-occurrence counts of adjacent terms, keyed `left << 32 | right`.
    var pairs: KeyTable
    var candidateIndex: KeyTable
    var candidates: [Candidate] = []
    var sentences = 0

    init(_ text: AnalyzedText) {
        let s = text.scalars
        let tokens = text.tokens
        termIndex = KeyTable(minimumCapacity: tokens.count / 3)
        pairs = KeyTable(minimumCapacity: tokens.count / 2)
        candidateIndex = KeyTable(minimumCapacity: tokens.count)
        var chunk: [Int32] = []
        chunk.reserveCapacity(64)
        for (sentenceNumber, sentence) in text.sentences.enumerated() {
            let sentenceID = Int32(sentenceNumber)
            sentences += 1
            chunk.removeAll(keepingCapacity: true)
            var firstWord = true
            for t in sentence.tokens {
                let token = tokens[t]
                guard token.kind == .word, Tokenizer.isLetter(s[token.start]) else {
                    chunk.removeAll(keepingCapacity: true)
                    continue
                }
                let shape = Self.shape(s, token.range)
                let (key, stop) = Self.termKey(WordKey.of(s, token.range), shape)
                let term = self.term(for: key, stop: stop || token.end - token.start < 2)
                let id = Int(term)
                tf[id] += 1
                if shape == .acronym {
                    tfAcronym[id] += 1
                } else if shape == .capitalised, !firstWord {
                    tfCapitalised[id] += 1
                }
                firstWord = false
                if lastSentence[id] != sentenceID {
                    lastSentence[id] = sentenceID
                    sentenceCount[id] += 1
                    occurrences.append((term, sentenceID))
                }
                if let left = chunk.last { addPair(left, term) }
                chunk.append(term)
                addCandidates(chunk, lastToken: t)
            }
        }
    }

    enum Shape { case lower, capitalised, acronym }

    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.value < 128 ? c.value &- 65 < 26 : c.properties.isUppercase
    }

    /// A word's term key and whether it is a stop word: `US` and `IT` are names, not the stop
    /// words `us` and `it`, so an all-capitals stop word gets a key of its own.
    @inline(__always)
    static func termKey(_ key: UInt64, _ shape: Shape) -> (key: UInt64, stop: Bool) {
        let stop = StopWords.contains(key)
        return stop && shape == .acronym ? (key &+ 1, false) : (key, stop)
    }

    static func shape(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Shape {
        guard isUppercase(s[range.lowerBound]) else { return .lower }
        var letters = 0
        for i in range where Tokenizer.isLetter(s[i]) {
            if !isUppercase(s[i]) { return .capitalised }
            letters += 1
        }
        return letters > 1 ? .acronym : .capitalised
    }

    private mutating func term(for key: UInt64, stop: Bool) -> Int32 {
        let (id, inserted) = termIndex.value(for: key, inserting: Int32(tf.count))
        guard inserted else { return id }
        keys.append(key)
        tf.append(0)
        tfCapitalised.append(0)
        tfAcronym.append(0)
        isStop.append(stop)
        sentenceCount.append(0)
        lastSentence.append(-1)
        leftDistinct.append(0)
        leftTotal.append(0)
        rightDistinct.append(0)
        rightTotal.append(0)
        return id
    }

    private mutating func addPair(_ left: Int32, _ right: Int32) {
        let key = UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))
        if pairs.add(1, to: key) == 0 {
            rightDistinct[Int(left)] += 1
            leftDistinct[Int(right)] += 1
        }
        rightTotal[Int(left)] += 1
        leftTotal[Int(right)] += 1
    }

    /// Adds the one-, two- and three-word phrases ending at the chunk's last word.
    private mutating func addCandidates(_ chunk: [Int32], lastToken: Int) {
        let last = chunk[chunk.count - 1]
        guard !isStop[Int(last)], tf.count < Self.maxTerms else { return }
        var key: UInt64 = 0
        var length = 0
        var i = chunk.count - 1
        while i >= 0, length < Self.maxWords {
            let term = chunk[i]
            key = key << 21 | UInt64(term + 1)
            length += 1
            i -= 1
            guard !isStop[Int(term)] else { continue }
            // Every slot holds a term id + 1, never 0, so keys of different lengths differ.
            let (c, inserted) = candidateIndex.value(for: key, inserting: Int32(candidates.count))
            if !inserted {
                candidates[Int(c)].count += 1
            } else {
                let first = i + 1
                candidates.append(
                    Candidate(
                        terms: (chunk[first], length > 1 ? chunk[first + 1] : -1, length > 2 ? chunk[first + 2] : -1),
                        count: 1,
                        firstToken: Int32(lastToken - length + 1),
                        length: Int8(length)))
            }
        }
    }

    /// The median of the sentence indices in which each term occurs.
    func medianSentence() -> [Double] {
        var start = [Int](repeating: 0, count: tf.count + 1)
        for o in occurrences { start[Int(o.term) + 1] += 1 }
        for i in 0..<tf.count { start[i + 1] += start[i] }
        var fill = start
        var sorted = [Int32](repeating: 0, count: occurrences.count)
        for o in occurrences {
            sorted[fill[Int(o.term)]] = o.sentence
            fill[Int(o.term)] += 1
        }
        return (0..<tf.count).map { t in
            let lo = start[t]
            let n = start[t + 1] - lo
            guard n > 0 else { return 0 }
            return n % 2 == 1 ? Double(sorted[lo + n / 2]) : Double(sorted[lo + n / 2 - 1] + sorted[lo + n / 2]) / 2
        }
    }

    func pairCount(_ left: Int32, _ right: Int32) -> Int32 {
        pairs.value(for: UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))) ?? 0
    }
}
