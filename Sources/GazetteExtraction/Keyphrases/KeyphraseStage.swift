import Foundation

/// Finds the article's keyphrases with YAKE (Campos et al., 2020), an unsupervised
/// statistical method: a word scores well when it is capitalised mid-sentence or an acronym,
/// appears early, is frequent, occurs in many sentences but not in too many different
/// contexts (function-word-like words have many neighbours). A phrase of one to three words
/// combines its words' scores; phrases that start or end with a stop word are never
/// candidates. Phrases that name an entity found by the entity stage are boosted; the
/// ranked list then drops name fragments and verb-glued phrases (``KeyphraseFilter``) and
/// near variants (``KeyphraseVariants``, and two names of one entity).
public struct KeyphraseStage: AnalysisStage {
    /// The most keyphrases to return.
    public var limit: Int
    /// Multiplies the YAKE score (lower is better) of a phrase that names an entity.
    public var entityBoost: Double

    public init(limit: Int = 10, entityBoost: Double = 0.7) {
        self.limit = limit
        self.entityBoost = entityBoost
    }

    public func run(_ analysis: inout Analysis) {
        analysis.keyphrases = keyphrases(in: analysis.text, entities: analysis.entities)
    }

    /// Keyphrases best first; `score` is relative to the best one (1 for the best).
    func keyphrases(in text: AnalyzedText, entities: [Entity]) -> [Keyphrase] {
        let stats = TermStatistics(text)
        guard !stats.candidates.isEmpty, limit > 0 else { return [] }
        let h = termScores(stats)
        let named = entityPhraseKeys(entities)
        var ranked: [(score: Double, firstToken: Int32, index: Int)] = []
        ranked.reserveCapacity(stats.candidates.count)
        for (index, candidate) in stats.candidates.enumerated() {
            var score = candidateScore(candidate, stats: stats, h: h)
            if named.count > 0, named.value(for: phraseKey(candidate, stats: stats)) != nil { score *= entityBoost }
            ranked.append((score, candidate.firstToken, index))
        }
        ranked.sort { a, b in a.score != b.score ? a.score < b.score : a.firstToken < b.firstToken }
        var chosen: [Keyphrase] = []
        var forms: [[UInt32]] = []
        // `Trump` after `Donald Trump`: two names of one entity are variants too.
        var entitiesTaken: Set<Int> = []
        var best = 0.0
        for (score, _, index) in ranked {
            let candidate = stats.candidates[index]
            guard KeyphraseFilter.accepts(candidate, stats: stats, text: text) else { continue }
            let form = KeyphraseVariants.form(candidate, text: text)
            if forms.contains(where: { KeyphraseVariants.areVariants($0, form) }) { continue }
            if let entity = named.value(for: phraseKey(candidate, stats: stats)),
                !entitiesTaken.insert(Int(entity)).inserted
            {
                continue
            }
            forms.append(form)
            if chosen.isEmpty { best = max(score, .leastNormalMagnitude) }
            let relative = (best / max(score, .leastNormalMagnitude) * 10_000).rounded() / 10_000
            chosen.append(Keyphrase(text: surface(candidate, stats: stats, text: text), score: relative))
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// YAKE's word score H: lower is more important.
    func termScores(_ stats: TermStatistics) -> [Double] {
        var validCount = 0.0
        var sum = 0.0
        var sumSquares = 0.0
        var maxTF = 1.0
        for t in stats.tf.indices {
            let tf = Double(stats.tf[t])
            maxTF = max(maxTF, tf)
            guard !stats.isStop[t] else { continue }
            validCount += 1
            sum += tf
            sumSquares += tf * tf
        }
        let mean = validCount > 0 ? sum / validCount : 1
        let std = validCount > 0 ? (max(0, sumSquares / validCount - mean * mean)).squareRoot() : 0
        let sentences = Double(max(1, stats.sentences))
        let median = stats.medianSentence()
        return stats.tf.indices.map { t in
            let tf = Double(stats.tf[t])
            let left = stats.leftTotal[t] > 0 ? Double(stats.leftDistinct[t]) / Double(stats.leftTotal[t]) : 0
            let right = stats.rightTotal[t] > 0 ? Double(stats.rightDistinct[t]) / Double(stats.rightTotal[t]) : 0
            let relatedness = (0.5 + left * tf / maxTF) + (0.5 + right * tf / maxTF)
            let frequency = tf / (mean + std)
            let spread = Double(stats.sentenceCount[t]) / sentences
            let casing = Double(max(stats.tfAcronym[t], stats.tfCapitalised[t])) / (1 + log(tf))
            let position = log(log(3 + median[t]))
            return position * relatedness / (casing + frequency / relatedness + spread / relatedness)
        }
    }

    /// YAKE's phrase score: the product of its words' scores over their sum, divided by the
    /// phrase's frequency; a stop word inside the phrase costs less the more often it links
    /// its neighbours.
    func candidateScore(_ c: TermStatistics.Candidate, stats: TermStatistics, h: [Double]) -> Double {
        var product = 1.0
        var sum = 0.0
        for k in 0..<Int(c.length) {
            let t = Int(c.term(k))
            if !stats.isStop[t] {
                product *= h[t]
                sum += h[t]
            } else {
                // Stop words only occur inside a phrase, never at its ends.
                let prev = c.term(k - 1)
                let next = c.term(k + 1)
                let p1 = Double(stats.pairCount(prev, c.term(k))) / Double(stats.tf[Int(prev)])
                let p2 = Double(stats.pairCount(c.term(k), next)) / Double(stats.tf[Int(next)])
                let p = p1 * p2
                product *= 2 - p
                sum -= 1 - p
            }
        }
        return product / (max(sum + 1, 1e-9) * Double(c.count))
    }

    func phraseKey(_ c: TermStatistics.Candidate, stats: TermStatistics) -> UInt64 {
        var key = WordKey.seed
        for k in 0..<Int(c.length) { key = Self.combine(key, stats.keys[Int(c.term(k))]) }
        return key
    }

    @inline(__always)
    static func combine(_ phrase: UInt64, _ word: UInt64) -> UInt64 { (phrase ^ word) &* WordKey.prime }

    /// The entity index of each phrase key of the entities' names and aliases, computed like
    /// ``phraseKey(_:stats:)``.
    func entityPhraseKeys(_ entities: [Entity]) -> KeyTable {
        var keys = KeyTable()
        for (index, entity) in entities.enumerated() {
            for name in [entity.name] + entity.aliases {
                let words = Self.words(of: name)
                guard (1...TermStatistics.maxWords).contains(words.count) else { continue }
                var key = WordKey.seed
                for word in words {
                    let scalars = Array(word.unicodeScalars)
                    let shape = TermStatistics.shape(scalars, 0..<scalars.count)
                    let termKey = TermStatistics.termKey(WordKey.of(word), shape).key
                    key = Self.combine(key, termKey)
                }
                _ = keys.value(for: key, inserting: Int32(index))
            }
        }
        return keys
    }

    /// `name.split(whereSeparator: \.isWhitespace)`, split on the bytes of an ASCII name (where
    /// the white-space characters are the bytes 9–13 and 32).
    static func words(of name: String) -> [Substring] {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.split(whereSeparator: { $0.isWhitespace }) }
        var words: [Substring] = []
        var start: String.Index? = nil
        for i in name.utf8.indices {
            let b = name.utf8[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                if let s = start { words.append(name[s..<i]) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { words.append(name[s...]) }
        return words
    }

    /// The phrase as written at its first occurrence, words joined by one space. A phrase of
    /// otherwise lower-case words loses the capital of a word never capitalised mid-sentence
    /// (a sentence-initial `Young book fans` reads `young book fans`; `Orange Prize` stays).
    func surface(_ c: TermStatistics.Candidate, stats: TermStatistics, text: AnalyzedText) -> String {
        let first = Int(c.firstToken)
        let named = (1..<max(1, Int(c.length))).contains {
            TermStatistics.isUppercase(text.scalars[text.tokens[first + $0].start])
        }
        var words: [String] = []
        for k in 0..<Int(c.length) {
            let term = Int(c.term(k))
            let word = text.text(of: text.tokens[first + k])
            words.append(named || stats.tfCapitalised[term] + stats.tfAcronym[term] > 0 ? word : word.lowercased())
        }
        return words.joined(separator: " ")
    }
}
