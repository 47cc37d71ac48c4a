/// The token-level view of an article the quote stage works on: lower-cased words, name
/// runs (`Sen. Ted Cruz`), and offset → token look-ups.
struct QuoteText {
    let text: AnalyzedText
    let tokens: [Token]
    let words: [String]

    init(_ text: AnalyzedText) {
        self.text = text
        self.tokens = text.tokens
        self.words = text.words
    }

    func word(_ i: Int) -> String { i >= 0 && i < words.count ? words[i] : "" }

    /// Index of the first token starting at or after `offset` (`tokens.count` if none).
    func token(atOrAfter offset: Int) -> Int { text.token(atOrAfter: offset) }

    /// Index of the last token ending at or before `offset` (-1 if none).
    func token(endingBy offset: Int) -> Int {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind != .word && tokens[i].end - tokens[i].start == 1
            && text.scalars[tokens[i].start] == c
    }

    func firstScalar(_ i: Int) -> Unicode.Scalar { text.scalars[tokens[i].start] }

    func isQuoteMark(_ i: Int) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].end - tokens[i].start == 1 && QuoteSegmenter.isMark(firstScalar(i))
    }

    /// Sentence-ending punctuation token.
    func endsSentence(_ i: Int) -> Bool {
        isPunct(i, ".") && !(i > 0 && isTitleAbbreviation(i - 1) && tokens[i - 1].end == tokens[i].start)
            || isPunct(i, "!") || isPunct(i, "?")
    }

    static let particles: Set<String> = [
        "de", "van", "von", "der", "bin", "al", "da", "del", "di", "la", "le", "du", "dos", "ibn", "el",
    ]

    /// `Mr`, `Sen`, an initial: a capitalised token that takes a period inside a name.
    func isTitleAbbreviation(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        let w = words[i]
        return (w.unicodeScalars.count == 1 && firstScalar(i).properties.isUppercase) || QuoteLexicon.titles.contains(w)
            || w == "jr" || w == "sr" || w == "st"
    }

    /// A capitalised word that can be part of a name (`Ted`, `O’Malley`, `U.S.`).
    func isNameWord(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        return firstScalar(i).properties.isUppercase
    }

    /// The name run ending at token `j` (walking back over name words, particles, initials'
    /// periods), or nil when `j` is not part of one.
    func runEnding(at j: Int) -> ClosedRange<Int>? {
        guard isNameWord(j), !QuoteLexicon.notNames.contains(words[j]) else { return nil }
        var first = j
        var k = j - 1
        while k >= 0 {
            if isNameWord(k), !QuoteLexicon.notNames.contains(words[k]) {
                first = k
                k -= 1
                continue
            }
            if isPunct(k, "."), k > 0, isTitleAbbreviation(k - 1), tokens[k - 1].end == tokens[k].start {
                k -= 1
                continue
            }
            if Self.particles.contains(words[k]), k > 0, isNameWord(k - 1) {
                k -= 1
                continue
            }
            break
        }
        return first...j
    }

    /// The name run starting at token `i`.
    func runStarting(at i: Int) -> ClosedRange<Int>? {
        guard isNameWord(i), !QuoteLexicon.notNames.contains(words[i]) else { return nil }
        var last = i
        var k = i + 1
        while k < tokens.count {
            if isNameWord(k), !QuoteLexicon.notNames.contains(words[k]) {
                last = k
                k += 1
                continue
            }
            if isPunct(k, "."), isTitleAbbreviation(k - 1), tokens[k - 1].end == tokens[k].start, k + 1 < tokens.count,
                isNameWord(k + 1)
            {
                k += 1
                continue
            }
            if Self.particles.contains(words[k]), isNameWord(k + 1) {
                k += 1
                continue
            }
            break
        }
        return i...last
    }

    /// The name a run spells, titles and roles dropped (`Sen. Ted Cruz` → `Ted Cruz`); nil
    /// when nothing but titles remains.
    func name(_ run: ClosedRange<Int>) -> String? {
        var first = run.lowerBound
        while first <= run.upperBound,
            tokens[first].kind != .word || QuoteLexicon.titles.contains(words[first])
                || (isPunct(first + 1, ".") && isTitleAbbreviation(first) && words[first].count > 1)
        {
            first += 1
        }
        guard first <= run.upperBound else { return nil }
        var last = run.upperBound
        while last > first, tokens[last].kind != .word || words[last] == "jr" || words[last] == "sr" { last -= 1 }
        return text.text(tokens[first].start..<tokens[last].end)
    }
}
