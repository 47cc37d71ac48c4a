/// The clean body split into scalars, tokens, sentences and paragraphs: what every
/// analysis stage reads. Built once per article by ``Tokenizer`` and ``SentenceSplitter``.
public struct AnalyzedText: Sendable {
    public let body: String
    /// The body's Unicode scalars; offsets everywhere index into this array.
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// Paragraph spans (separated by blank lines in the body).
    public let paragraphs: [Span]
    /// The lower-cased text of every token (`String.lowercased()`), made once for the stages
    /// that compare words as strings.
    public let words: [String]
    /// Every token's ``words`` entry packed for ``WordTable`` look-ups.
    let packedWords: [PackedWord]

    public init(body: String) {
        self.body = body
        let scalars = body.scalarArray
        self.scalars = scalars
        let tokens = Tokenizer.tokenize(scalars)
        self.tokens = tokens
        self.sentences = SentenceSplitter.split(scalars: scalars, tokens: tokens)
        self.paragraphs = AnalyzedText.paragraphSpans(scalars)
        var words: [String] = []
        var packedWords: [PackedWord] = []
        words.reserveCapacity(tokens.count)
        packedWords.reserveCapacity(tokens.count)
        for token in tokens {
            let (word, packed) = TokenWords.lowercased(scalars, token)
            words.append(word)
            packedWords.append(packed)
        }
        self.words = words
        self.packedWords = packedWords
    }

    /// The body text in `range` (scalar offsets).
    public func text(_ range: Range<Int>) -> String {
        // Encoded straight into the string's storage: appending scalars one by one to a
        // `UnicodeScalarView` costs several times more, and stages call this per token.
        var bytes = 0
        for i in range { bytes += UTF8.width(scalars[i]) }
        return String(unsafeUninitializedCapacity: bytes) { out in
            var n = 0
            for i in range {
                UTF8.encode(scalars[i]) { byte in
                    out[n] = byte
                    n += 1
                }
            }
            return n
        }
    }

    public func text(of token: Token) -> String { text(token.range) }

    public func text(of sentence: Sentence) -> String { text(sentence.start..<sentence.end) }

    /// Index of the sentence holding token `i`: sentences cover every token, in order. Nil
    /// past the last token.
    public func sentenceIndex(ofToken i: Int) -> Int? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].tokens.upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count ? lo : nil
    }

    /// Index of the first token starting at or after scalar `offset` (`tokens.count` if none).
    public func token(atOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func paragraphSpans(_ scalars: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var start: Int? = nil
        var lastNonSpace = 0
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if c == "\n" {
                // A blank line (only whitespace up to the next newline) ends the paragraph.
                var j = i + 1
                while j < n, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\r" { j += 1 }
                if j < n, scalars[j] == "\n" {
                    if let s = start { spans.append(Span(start: s, end: lastNonSpace)) }
                    start = nil
                    i = j
                    continue
                }
            } else if !Tokenizer.isSpace(c) {
                if start == nil { start = i }
                lastNonSpace = i + 1
            }
            i += 1
        }
        if let s = start { spans.append(Span(start: s, end: lastNonSpace)) }
        return spans
    }
}
