/// Rules for phrases YAKE scores well but a reader would not call key: a name cut in two
/// (`Union Grand` of `Norwich Union Grand Prix`), a name glued to the word before it
/// (`envoy Steve Witkoff`, `engine firm Google`) or to a verb after it (`Steve Witkoff fits`,
/// `Greenspan highlighted`), a phrase ending in a verb form (`interests driving`), and two words joined by a stop word other than the few that
/// build names and terms (`Bank of England` yes, `Gardener and Mark` no).
enum KeyphraseFilter {
    static let linkingWords: Set<UInt64> = Set(
        ["of", "for", "de", "da", "del", "della", "di", "du", "la", "le", "van", "von"].map { WordKey.of($0) })

    static func accepts(_ c: TermStatistics.Candidate, stats: TermStatistics, text: AnalyzedText) -> Bool {
        let first = Int(c.firstToken)
        let last = first + Int(c.length) - 1
        if isProper(first, text), let before = neighbour(of: first, step: -1, text), isNamePart(before, text) {
            return false
        }
        if isProper(last, text), let after = neighbour(of: last, step: 1, text), isNamePart(after, text) {
            return false
        }
        var properRun = 0
        for k in 0..<Int(c.length) {
            let t = first + k
            let term = Int(c.term(k))
            if stats.isStop[term] {
                if !linkingWords.contains(stats.keys[term]) { return false }
                properRun = 0
                continue
            }
            if isProper(t, text) {
                if k > 0, !stats.isStop[Int(c.term(k - 1))], !isProper(t - 1, text) { return false }
                properRun += 1
            } else {
                if properRun >= 2 || (properRun == 1 && endsLikeAVerb(t, text)) { return false }
                if k > 0, k == Int(c.length) - 1, endsLikeAVerb(t, text) { return false }
                properRun = 0
            }
        }
        return true
    }

    /// A capitalised word or acronym that is not a stop word (`The` at a sentence start is not).
    static func isProper(_ t: Int, _ text: AnalyzedText) -> Bool {
        let token = text.tokens[t]
        let c = text.scalars[token.start]
        guard token.kind == .word, TermStatistics.isUppercase(c) else { return false }
        let shape = TermStatistics.shape(text.scalars, token.range)
        return !TermStatistics.termKey(WordKey.of(text.scalars, token.range), shape).stop
    }

    /// A capitalised word that can be part of a name: a proper word, or a capitalised stop word
    /// inside a sentence (`New` in `New York`, but not a sentence-initial `The`).
    static func isNamePart(_ t: Int, _ text: AnalyzedText) -> Bool {
        if isProper(t, text) { return true }
        let token = text.tokens[t]
        return token.kind == .word && TermStatistics.isUppercase(text.scalars[token.start]) && t > 0
            && text.tokens[t - 1].kind == .word
    }

    /// The word token right before or after `t` on the same line, if any.
    static func neighbour(of t: Int, step: Int, _ text: AnalyzedText) -> Int? {
        let n = t + step
        guard text.tokens.indices.contains(n), text.tokens[n].kind == .word else { return nil }
        let gap = step < 0 ? text.tokens[n].end..<text.tokens[t].start : text.tokens[t].end..<text.tokens[n].start
        return gap.contains { text.scalars[$0] == "\n" } ? nil : n
    }

    /// `-ed` and `-ing` words, which after a noun are mostly verbs (`interests driving`).
    static func endsLikeAVerb(_ t: Int, _ text: AnalyzedText) -> Bool {
        let token = text.tokens[t]
        guard token.end - token.start > 4 else { return false }
        let s = text.scalars
        let e = token.end
        return (s[e - 2] == "e" && s[e - 1] == "d") || (s[e - 3] == "i" && s[e - 2] == "n" && s[e - 1] == "g")
    }
}
