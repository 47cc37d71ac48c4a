import Foundation

/// Finds date expressions (`12 February`, `February 12, 2025`, `1945`, `yesterday`,
/// `last Tuesday`, `this week`, `two weeks ago`, `the third quarter`) and resolves them to
/// ISO-8601 values against ``Analysis/publishedAt``.
///
/// Relative expressions are dropped when there is no publication time. A day or month
/// without a year, or a bare weekday, is placed before or after publication by the tense
/// of the words nearest to it in its sentence (`said`, `was` → before; `will`, `next` → after).
public struct DateStage: AnalysisStage {
    public init() {}

    public func run(_ analysis: inout Analysis) {
        let scanner = DateScanner(text: analysis.text)
        var out: [DateMention] = []
        for m in scanner.scan() {
            let tense = Self.tense(scanner, near: m.first)
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

    /// The tense of the marker nearest to token `i` within its sentence.
    static func tense(_ scanner: DateScanner, near i: Int) -> DateMeaning.Tense {
        guard let sentence = scanner.text.sentenceIndex(ofToken: i) else { return .unknown }
        let range = scanner.text.sentences[sentence].tokens
        let markers = Self.markers
        var best: (distance: Int, tense: DateMeaning.Tense)?
        for k in range where k != i {
            // Reporting verbs say nothing about the tense (`.unknown`).
            guard let tense = markers[scanner.words[k], packed: scanner.text.packedWords[k]], tense != .unknown else {
                continue
            }
            let d = abs(k - i)
            if best == nil || d < best!.distance { best = (d, tense) }
        }
        return best?.tense ?? .unknown
    }
}
