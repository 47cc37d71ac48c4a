import Foundation

/// Finds date expressions (`12 February`, `February 12, 2025`, `1945`, `yesterday`,
/// `last Tuesday`, `this week`, `two weeks ago`, `the third quarter`) and resolves them to
/// ISO-8601 values against ``Analysis/publishedAt``.
///
/// Relative expressions are dropped when there is no publication time. A day or month
/// without a year, or a bare weekday, is placed before or after publication by the verb right
/// before it (`said Tuesday`, `was arrested Tuesday` → before; `is due Tuesday` → after), else
/// by the tense of the words nearest to it in its sentence (`was` → before; `will`, `next` → after).
public struct DateStage: AnalysisStage {
    public init() {}

    public func run(_ analysis: inout Analysis) {
        let scanner = DateScanner(text: analysis.text)
        var out: [DateMention] = []
        for m in scanner.scan() {
            let tense = Self.tense(scanner, of: m)
            guard let (value, granularity) = m.meaning.resolve(anchor: analysis.publishedAt, tense: tense) else {
                continue
            }
            let range = scanner.tokens[m.first].start..<scanner.tokens[m.last].end
            out.append(
                DateMention(
                    text: analysis.text.text(range), value: value, granularity: granularity,
                    start: range.lowerBound, end: range.upperBound))
        }
        analysis.dates = out
    }

    /// The tense each marker word gives: ``DateLexicon/reporting`` first, then
    /// ``DateLexicon/future``, then ``DateLexicon/pastVerbs``.
    static let markers: WordTable<DateMeaning.Tense> = {
        var table: [String: DateMeaning.Tense] = [:]
        for w in DateLexicon.pastVerbs { table[w] = .past }
        for w in DateLexicon.future { table[w] = .future }
        for w in DateLexicon.reporting { table[w] = .unknown }
        return WordTable(table)
    }()

    /// The tense of a date's sentence: the verb right before the date when it has one (`said
    /// Tuesday`, `was arrested on Tuesday`, `will meet on Tuesday`), else the marker nearest to
    /// the date within its sentence.
    static func tense(_ scanner: DateScanner, of m: DateScanner.Match) -> DateMeaning.Tense {
        if let tense = governingTense(scanner, before: m.first) { return tense }
        guard let sentence = scanner.text.sentenceIndex(ofToken: m.first) else { return .unknown }
        let range = scanner.text.sentences[sentence].tokens
        var best: (distance: Int, tense: DateMeaning.Tense)?
        for k in range where k < m.first || k > m.last {
            // Reporting verbs say nothing about the tense (`.unknown`).
            guard let tense = marker(scanner, at: k), tense != .unknown else { continue }
            let d = k < m.first ? m.first - k : k - m.last
            if best == nil || d < best!.distance { best = (d, tense) }
        }
        return best?.tense ?? .unknown
    }

    /// The tense the word at `k` marks, if any. A future marker after `was`/`were`/`had` is
    /// past (`was coming`, `was due`, `had expected`); a word that is also a noun marks the
    /// future only before `to` (`plans to`, not `playoff hopes are`).
    static func marker(_ scanner: DateScanner, at k: Int) -> DateMeaning.Tense? {
        guard let tense = markers[scanner.words[k], packed: scanner.text.packedWords[k]] else { return nil }
        // `will be held`: a passive's tense is its auxiliary's.
        if tense == .past, scanner.word(k - 1) == "be" { return nil }
        guard tense == .future else { return tense }
        if DateLexicon.pastAuxiliaries.contains(scanner.word(k - 1)) { return .past }
        if DateLexicon.intentions.contains(scanner.words[k]), scanner.word(k + 1) != "to" { return nil }
        return .future
    }

    /// The tense of the verb right before a date (`on` skipped): a reporting verb dates the
    /// report, which is past (`she said Tuesday`, `announced on Monday`), as does any
    /// lower-case `-ed` verb (`was arrested Tuesday`); a future marker is future (`is due
    /// Tuesday`, `will meet on Tuesday`). Nil when the word before is no verb, or a passive
    /// (`will be terminated on Dec. 9`), whose tense the nearest marker tells.
    static func governingTense(_ scanner: DateScanner, before first: Int) -> DateMeaning.Tense? {
        var k = first - 1
        if scanner.word(k) == "on" { k -= 1 }
        guard k >= 0, scanner.tokens[k].kind == .word, !scanner.isCapitalized(k) else { return nil }
        if scanner.word(k - 1) == "be" { return nil }
        if let tense = marker(scanner, at: k) { return tense == .unknown ? .past : tense }
        let w = scanner.words[k]
        return w.count > 3 && w.hasSuffix("ed") ? .past : nil
    }
}
