/// Scores the article's tone from -1 (very negative) to 1 (very positive) with the rules of
/// VADER (Hutto & Gilbert, 2014) over its lexicon: each sentiment word's valence is raised or
/// lowered by up to three preceding intensifiers (`very`, `slightly`), flipped and damped by a
/// negation within three words (`not`, `never`, `isn't`), emphasised when written in capitals
/// in mixed-case text; a `but` shifts the weight to what follows it, and exclamation marks
/// add emphasis. Each sentence's sum is squashed to -1…1; the article's tone is the mean
/// over its sentences.
public struct ToneStage: AnalysisStage {
    static let intensifierStep = 0.293
    static let capitalsStep = 0.733
    static let negationFactor = -0.74
    static let normalisation = 15.0

    static let but = WordKey.of("but")
    static let least = WordKey.of("least")
    static let at = WordKey.of("at")
    static let very = WordKey.of("very")
    static let never = WordKey.of("never")
    static let so = WordKey.of("so")
    static let this = WordKey.of("this")

    let lexicon: ToneLexicon

    public init(lexicon: ToneLexicon = .shared) {
        self.lexicon = lexicon
    }

    public func run(_ analysis: inout Analysis) {
        analysis.tone = tone(of: analysis.text)
    }

    struct Word {
        var key: UInt64
        var entry: ToneLexicon.Entry
        var capitals: Bool
        var negation: Bool
    }

    func tone(of text: AnalyzedText) -> Double {
        guard !text.sentences.isEmpty, !lexicon.isEmpty else { return 0 }
        var words: [Word] = []
        var valences: [Double] = []
        var total = 0.0
        for sentence in text.sentences {
            total += score(sentence, text: text, words: &words, valences: &valences)
        }
        return (total / Double(text.sentences.count) * 10_000).rounded() / 10_000
    }

    /// One sentence's compound score, -1…1. `words` and `valences` are reused buffers.
    func score(_ sentence: Sentence, text: AnalyzedText, words: inout [Word], valences: inout [Double]) -> Double {
        let s = text.scalars
        words.removeAll(keepingCapacity: true)
        var exclamations = 0
        var questions = 0
        var capitalWords = 0
        var hasSentiment = false
        for t in sentence.tokens {
            let token = text.tokens[t]
            if token.kind == .punctuation {
                if s[token.start] == "!" { exclamations += 1 } else if s[token.start] == "?" { questions += 1 }
                continue
            }
            guard token.kind == .word, token.end - token.start > 1 else { continue }
            let key = WordKey.of(s, token.range)
            let entry = lexicon.entry(key) ?? ToneLexicon.Entry()
            let capitals = Self.isAllCapitals(s, token.range)
            if capitals { capitalWords += 1 }
            if entry.valence != 0 { hasSentiment = true }
            words.append(
                Word(
                    key: key, entry: entry, capitals: capitals,
                    negation: entry.negation || Self.endsInNT(s, token.range)))
        }
        guard hasSentiment else { return 0 }
        let mixedCase = capitalWords > 0 && capitalWords < words.count

        valences.removeAll(keepingCapacity: true)
        for i in words.indices {
            valences.append(valence(at: i, words: words, mixedCase: mixedCase))
        }
        if let but = words.firstIndex(where: { $0.key == Self.but }) {
            for i in valences.indices where i != but { valences[i] *= i < but ? 0.5 : 1.5 }
        }
        var sum = valences.reduce(0, +)
        let emphasis = Double(min(exclamations, 4)) * 0.292 + (questions > 1 ? min(Double(questions) * 0.18, 0.96) : 0)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        return sum / (sum * sum + Self.normalisation).squareRoot()
    }

    func valence(at i: Int, words: [Word], mixedCase: Bool) -> Double {
        let word = words[i]
        var v = Double(word.entry.valence)
        guard v != 0 else { return 0 }
        if word.capitals, mixedCase { v += v > 0 ? Self.capitalsStep : -Self.capitalsStep }
        for distance in 1...3 where i >= distance {
            let previous = words[i - distance]
            guard previous.entry.valence == 0 else { continue }
            if previous.entry.booster != 0 {
                var step = Double(previous.entry.booster)
                if v < 0 { step = -step }
                if previous.capitals, mixedCase { step += step > 0 ? Self.capitalsStep : -Self.capitalsStep }
                v += step * (distance == 1 ? 1 : distance == 2 ? 0.95 : 0.9)
            }
            if distance > 1, previous.key == Self.never,
                (i - distance + 1..<i).contains(where: { words[$0].key == Self.so || words[$0].key == Self.this })
            {
                // `never so good`, `never this bad`: emphasis, not negation.
                v *= 1.25
            } else if previous.negation {
                v *= Self.negationFactor
            }
        }
        if i >= 1, words[i - 1].key == Self.least,
            i < 2 || (words[i - 2].key != Self.at && words[i - 2].key != Self.very)
        {
            v *= Self.negationFactor
        }
        return v
    }

    static func isAllCapitals(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for i in range where Tokenizer.isLetter(s[i]) && !TermStatistics.isUppercase(s[i]) { return false }
        return true
    }

    /// `don't`, `isn’t`, `wouldn't`.
    static func endsInNT(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.count >= 4 else { return false }
        let e = range.upperBound
        return (s[e - 1] == "t" || s[e - 1] == "T") && Tokenizer.isApostrophe(s[e - 2])
            && (s[e - 3] == "n" || s[e - 3] == "N")
    }
}
