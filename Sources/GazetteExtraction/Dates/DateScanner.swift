/// Finds date expressions in an article's tokens; see ``DateStage``.
struct DateScanner {
    let text: AnalyzedText
    let tokens: [Token]
    /// Lower-cased token texts.
    let words: [String]

    init(text: AnalyzedText) {
        self.text = text
        self.tokens = text.tokens
        self.words = text.words
    }

    /// A match: its meaning and the first and last token it covers.
    struct Match {
        var meaning: DateMeaning
        var first: Int
        var last: Int
    }

    func scan() -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            if let m = matchWithModifiers(i) {
                out.append(m)
                i = m.last + 1
            } else {
                i += 1
            }
        }
        return out
    }

    func word(_ i: Int) -> String { i >= 0 && i < words.count ? words[i] : "" }

    /// ``word(_:)`` packed for ``WordTable`` look-ups.
    func packed(_ i: Int) -> PackedWord { i >= 0 && i < words.count ? text.packedWords[i] : PackedWord() }

    func isCapitalized(_ i: Int) -> Bool {
        i >= 0 && i < tokens.count && text.scalars[tokens[i].start].properties.isUppercase
    }

    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind != .word && tokens[i].end - tokens[i].start == 1
            && text.scalars[tokens[i].start] == c
    }

    func glued(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && i < j && j < tokens.count && tokens[i].end == tokens[j].start
    }

    /// Whether tokens `i` through `j` stand on one line: a modifier at the end of a line
    /// (`the game is over` / `Next year …`) does not belong to a date on the next.
    func onOneLine(_ i: Int, _ j: Int) -> Bool {
        guard i >= 0, j < tokens.count, i <= j else { return false }
        return !text.scalars[tokens[i].end..<tokens[j].start].contains {
            $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
    }

    /// `early December`, `the end of 1998`, `nearly two weeks ago`: the core expression with
    /// the words that only sharpen it kept in the span.
    func matchWithModifiers(_ i: Int) -> Match? {
        if let m = core(i) { return m }
        let w = word(i)
        switch Self.modifierWords[w, packed: packed(i)] {
        case .sharpens?:
            guard onOneLine(i, i + 1), var m = core(i + 1), m.first == i + 1 else { return nil }
            m.first = i
            return m
        case .partOf?:
            guard word(i + 1) == "of" else { return nil }
            let first = word(i - 1) == "the" && onOneLine(i - 1, i) ? i - 1 : i
            if word(i + 2) == "the", let unit = DateLexicon.unit(word(i + 3)), unit == .month || unit == .year,
                onOneLine(first, i + 3)
            {
                return Match(meaning: .relative(unit, 0), first: first, last: i + 3)
            }
            guard var m = core(i + 2), onOneLine(first, m.first) else { return nil }
            m.first = first
            return m
        case nil:
            return nil
        }
    }

    /// What a word before a core expression does: sharpens it (`early December`, `nearly two
    /// weeks ago`) or names a part of it, followed by `of` (`the end of 1998`).
    enum Modifier { case sharpens, partOf }

    static let modifierWords: WordTable<Modifier> = {
        var table: [String: Modifier] = [:]
        for w in DateLexicon.modifiers.union(["nearly", "almost", "about", "some", "roughly", "just", "over"]) {
            table[w] = .sharpens
        }
        for w in ["end", "beginning", "start", "middle"] { table[w] = .partOf }
        return WordTable(table)
    }()

    /// Every word that can begin a core expression by itself, whatever follows; `core` asks the
    /// few words that are not here (`-quarter`, `Q3`, `mid-`, `… ago`) apart, so that most
    /// tokens cost one look-up.
    static let coreWords = WordTable(
        Set(DateLexicon.months.keys).union(DateLexicon.weekdays.keys).union(DateLexicon.ordinals.keys)
            .union([
                "today", "tonight", "yesterday", "tomorrow", "now", "currently", "nowadays", "nineteen", "twenty",
                "fiscal", "the",
                "this", "last", "past", "previous", "next", "coming",
            ]))

    /// The expression starting at token `i`; nil past the last token, so callers may look ahead
    /// freely (a modifier such as `over` can be the text's last word).
    func core(_ i: Int) -> Match? {
        guard i >= 0 && i < tokens.count else { return nil }
        let w = word(i)
        let t = tokens[i]
        if t.kind == .number {
            if let m = isoDate(i) ?? dayFirst(i) { return m }
            if let y = DateLexicon.year(w), yearIsDate(i) {
                return Match(meaning: .absolute(value: CivilDate.pad(y, 4), granularity: .year), first: i, last: i)
            }
            return ago(i)
        }
        guard t.kind == .word else { return nil }
        // The prefix and suffix tests on bytes let through at least what the string tests
        // below accept.
        guard
            Self.coreWords.contains(w, packed: packed(i)) || w.utf8.first == UInt8(ascii: "q")
                || w.utf8.starts(with: "mid-".utf8)
                || w.utf8.reversed().starts(with: "-quarter".utf8.reversed()) || word(i + 2) == "ago"
        else {
            return nil
        }
        if let m = monthFirst(i) { return m }
        if let wd = DateLexicon.weekdays[w], isCapitalized(i) {
            return Match(
                meaning: .weekday(wd, .bare), first: i, last: DateLexicon.dayParts.contains(word(i + 1)) ? i + 1 : i)
        }
        switch w {
        case "today", "tonight": return Match(meaning: .relative(.day, 0), first: i, last: i)
        case "yesterday": return Match(meaning: .relative(.day, -1), first: i, last: i)
        case "tomorrow": return Match(meaning: .relative(.day, 1), first: i, last: i)
        case "now", "currently", "nowadays": return Match(meaning: .now, first: i, last: i)
        case "nineteen", "twenty":
            // Spoken years in transcripts: `nineteen ninety-six`, `twenty twenty-five`.
            if let rest = NumberWords.word(word(i + 1)), rest >= 10, rest < 100 {
                let y = (w == "nineteen" ? 1900 : 2000) + Int(rest)
                return Match(meaning: .absolute(value: CivilDate.pad(y, 4), granularity: .year), first: i, last: i + 1)
            }
        case "fiscal":
            if let y = DateLexicon.year(word(i + 1)) {
                return Match(meaning: .absolute(value: CivilDate.pad(y, 4), granularity: .year), first: i, last: i + 1)
            }
        case "the":
            if word(i + 1) == "weekend" { return Match(meaning: .weekend(.bare), first: i, last: i + 1) }
            if ["quarter", "latest", "year-ago", "year-earlier"].contains(word(i + 1)),
                word(i + 1) == "quarter" || word(i + 2) == "quarter"
            {
                let last = word(i + 1) == "quarter" ? i + 1 : i + 2
                return Match(meaning: .relativeQuarter(word(i + 1).hasPrefix("year") ? -4 : -1), first: i, last: last)
            }
            if word(i + 1) == "past" || word(i + 1) == "previous", let m = shifted(i + 1) {
                return Match(meaning: m.meaning, first: i, last: m.last)
            }
        default:
            break
        }
        if let m = shifted(i) ?? quarter(i) ?? ago(i) { return m }
        if w.hasPrefix("mid-"), let m = DateLexicon.month(String(w.dropFirst(4))) {
            return Match(meaning: .month(m, .bare), first: i, last: i)
        }
        return nil
    }

    /// `2025-02-12`.
    func isoDate(_ i: Int) -> Match? {
        guard let y = DateLexicon.year(word(i)), isPunct(i + 1, "-"), isPunct(i + 3, "-"), i + 4 < tokens.count,
            glued(i, i + 1), glued(i + 1, i + 2), glued(i + 2, i + 3), glued(i + 3, i + 4),
            word(i + 2).count == 2, word(i + 4).count == 2,
            let m = Int(word(i + 2)), let d = Int(word(i + 4)), CivilDate.isValid(year: y, month: m, day: d)
        else { return nil }
        return Match(
            meaning: .absolute(value: CivilDate(year: y, month: m, day: d).dayString, granularity: .day), first: i,
            last: i + 4)
    }

    /// A month name at `i` (`February`, `Feb.`, `Sept`): its number and its last token.
    func month(at i: Int) -> (month: Int, last: Int)? {
        let w = word(i)
        guard let m = DateLexicon.month(w), isCapitalized(i) else { return nil }
        if !DateLexicon.isFullMonthName(w) {
            if isPunct(i + 1, "."), glued(i, i + 1) { return (m, i + 1) }
            guard tokens.count > i + 1, tokens[i + 1].kind == .number else { return nil }
        }
        return (m, i)
    }

    /// `12 February`, `12th of February 2025`, `28 February, 2025`.
    func dayFirst(_ i: Int) -> Match? {
        guard let d = DateLexicon.dayNumber(word(i)) else { return nil }
        var j = i + 1
        if word(j) == "of" { j += 1 }
        guard let (m, last) = month(at: j) else { return nil }
        return withYear(month: m, day: d, first: i, last: last)
    }

    /// `February 12`, `Feb. 12, 2025`, `February 2025`, `in May`.
    func monthFirst(_ i: Int) -> Match? {
        guard let (m, last) = month(at: i) else { return nil }
        let j = last + 1
        if j < tokens.count, tokens[j].kind == .number, let d = DateLexicon.dayNumber(word(j)) {
            return withYear(month: m, day: d, first: i, last: j)
        }
        var k = j
        if word(k) == "of" || isPunct(k, ",") { k += 1 }
        if let y = DateLexicon.year(word(k)) {
            return Match(
                meaning: .absolute(value: CivilDate(year: y, month: m, day: 1).monthString, granularity: .month),
                first: i, last: k)
        }
        guard monthAloneIsDate(i, last: last) else { return nil }
        return Match(meaning: .month(m, .bare), first: i, last: last)
    }

    func withYear(month m: Int, day d: Int, first: Int, last: Int) -> Match? {
        var k = last + 1
        if isPunct(k, ",") { k += 1 }
        if let y = DateLexicon.year(word(k)), CivilDate.isValid(year: y, month: m, day: d) {
            return Match(
                meaning: .absolute(value: CivilDate(year: y, month: m, day: d).dayString, granularity: .day),
                first: first, last: k)
        }
        guard CivilDate.isValid(year: 2000, month: m, day: d) else { return nil }
        return Match(meaning: .dayMonth(month: m, day: d), first: first, last: last)
    }

    static let monthPrepositions = WordTable([
        "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "of", "during",
        "from", "before", "after", "through", "to", "between", "and", "or", "on", "that", "previous", "past",
    ])

    /// A month name alone is a date unless it is a name (`April Ryan`) or a word (`may`, `march`).
    func monthAloneIsDate(_ i: Int, last: Int) -> Bool {
        let afterPreposition = Self.monthPrepositions.contains(word(i - 1))
        let w = word(i)
        if w == "may" || w == "march" { return afterPreposition }
        if isCapitalized(last + 1), tokens[last + 1].kind == .word, !afterPreposition { return false }
        if i > 0, tokens[i - 1].kind == .word, isCapitalized(i - 1), !afterPreposition { return false }
        return true
    }

    /// A four-digit number is a year unless money, a percentage or a count (`1500 troops`).
    func yearIsDate(_ i: Int) -> Bool {
        if i > 0, tokens[i - 1].kind != .word, glued(i - 1, i) { return false }  // `$2000`, `#1999`
        if i > 0, tokens[i - 1].kind == .symbol { return false }
        let next = word(i + 1)
        if isPunct(i + 1, "%") || next == "percent" || next == "per" { return false }
        if isPunct(i + 1, "-"), glued(i, i + 1), i + 2 < tokens.count, tokens[i + 2].kind == .number { return false }
        if i + 1 < tokens.count, tokens[i + 1].kind == .word, !isCapitalized(i + 1), next.count > 3,
            next.hasSuffix("s"),
            !["was", "has", "is", "its", "this", "as", "us", "years", "elections"].contains(next),
            !Self.monthPrepositions.contains(word(i - 1))
        {
            return false
        }
        return true
    }

    /// `this week`, `last month`, `next year`, `past year`, `last Tuesday`, `this coming Sunday`, `last May`.
    func shifted(_ i: Int) -> Match? {
        let w = word(i)
        let pick: DateMeaning.Pick
        switch w {
        case "this": pick = .this
        case "last", "past", "previous": pick = .last
        case "next", "coming": pick = .next
        default: return nil
        }
        var j = i + 1
        if w == "this", word(j) == "coming" || word(j) == "past" { j += 1 }
        let v = word(j)
        let step = pick == .this ? 0 : (pick == .last ? -1 : 1)
        if let wd = DateLexicon.weekdays[v] { return Match(meaning: .weekday(wd, pick), first: i, last: j) }
        if v == "weekend" { return Match(meaning: .weekend(pick), first: i, last: j) }
        if v == "quarter" { return Match(meaning: .relativeQuarter(step), first: i, last: j) }
        if let m = DateLexicon.month(v), isCapitalized(j), DateLexicon.isFullMonthName(v) {
            return Match(meaning: .month(m, pick), first: i, last: j)
        }
        if v == "week" || v == "month" || v == "year", let unit = DateLexicon.unit(v) {
            return Match(meaning: .relative(unit, step), first: i, last: j)
        }
        return nil
    }

    /// `the third quarter`, `third-quarter`, `the fourth quarter of 1989`, `Q3`.
    func quarter(_ i: Int) -> Match? {
        let w = word(i)
        var q: Int?
        var last = i
        if w.hasSuffix("-quarter"), let o = DateLexicon.ordinals[String(w.dropLast(8))] {
            q = o
        } else if let o = DateLexicon.ordinals[w], word(i + 1) == "quarter" {
            q = o
            last = i + 1
        } else if w.hasPrefix("q"), w.count == 2, let n = Int(w.dropFirst()) {
            q = n
        }
        guard let quarter = q, (1...4).contains(quarter) else { return nil }
        var year: Int?
        if word(last + 1) == "of" || word(last + 1) == "fiscal", let y = DateLexicon.year(word(last + 2)) {
            year = y
            last += 2
        } else if let y = DateLexicon.year(word(last + 1)) {
            year = y
            last += 1
        }
        return Match(meaning: .quarter(quarter, year: year), first: word(i - 1) == "the" ? i - 1 : i, last: last)
    }

    /// `14 hours ago`, `two weeks ago`, `a year ago`.
    func ago(_ i: Int) -> Match? {
        guard i >= 0, word(i + 2) == "ago", let unit = DateLexicon.unit(word(i + 1)) else { return nil }
        let w = word(i)
        let n: Double?
        if tokens[i].kind == .number { n = NumberWords.digits(Substring(w)) } else { n = NumberWords.wordOrArticle(w) }
        guard let count = n, count < 10_000, count == count.rounded() else { return nil }
        return Match(meaning: .relative(unit, -Int(count)), first: i, last: i + 2)
    }
}
