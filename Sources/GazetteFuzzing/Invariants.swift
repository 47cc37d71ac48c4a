import Foundation
import GazetteExtraction

/// The parts of the record contract (docs/extract-json.md) that hold for every input, whatever
/// the stages make of it: each span lies inside the body and each `text` is the body's text at
/// its span (a quote's without the marks that reopen a continued quotation); an entity mention reads as the entity's name, one of its aliases or an alias
/// spelling of the lexicon (`U.S.`); the summary quotes at most five passages of the body; the
/// tone lies in -1...1; every number is finite, so that the record encodes as JSON.
public enum Invariants {
    /// What breaks the contract in `record`, in words; empty when it holds.
    public static func violations(in record: ExtractionRecord) -> [String] {
        var found = Body(record.body).violations(
            entities: record.entities, quotes: record.quotes, dates: record.dates, amounts: record.amounts,
            summary: record.summary, tone: record.tone
        )
        do {
            _ = try ExtractionRecord.encoder().encode(record)
        } catch {
            found.append("the record does not encode as JSON: \(error)")
        }
        if record.simhash.utf8.count != 16 || !record.simhash.allSatisfy(\.isHexDigit) {
            found.append("simhash \(record.simhash) is not 16 hex digits")
        }
        return found
    }

    /// What breaks the contract in the stages' findings of `analysis`; empty when it holds.
    public static func violations(in analysis: Analysis) -> [String] {
        Body(analysis.text.body, scalars: analysis.text.scalars).violations(
            entities: analysis.entities, quotes: analysis.quotes, dates: analysis.dates, amounts: analysis.amounts,
            summary: analysis.summary, tone: analysis.tone
        )
    }
}

/// A body and its scalars, which the offsets count.
struct Body {
    let text: String
    let scalars: [Unicode.Scalar]

    init(_ text: String, scalars: [Unicode.Scalar]? = nil) {
        self.text = text
        self.scalars = scalars ?? Array(text.unicodeScalars)
    }

    func slice(_ start: Int, _ end: Int) -> String? {
        guard 0 <= start, start < end, end <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    func violations(
        entities: [Entity], quotes: [Quote], dates: [DateMention], amounts: [Amount], summary: [String], tone: Double
    ) -> [String] {
        var found: [String] = []
        func check(_ kind: String, _ start: Int, _ end: Int, _ text: String, withoutMarks: Bool = false) {
            guard var slice = slice(start, end) else {
                return found.append("\(kind) \(start)..<\(end) lies outside a body of \(scalars.count) scalars")
            }
            if withoutMarks, slice != text { slice = Self.withoutMarks(slice, as: text) }
            if slice != text {
                found.append(
                    "\(kind) \(start)..<\(end) says \(text.debugDescription), the body \(slice.debugDescription)")
            }
        }
        for q in quotes { check("quote", q.start, q.end, q.text, withoutMarks: true) }
        for d in dates { check("date", d.start, d.end, d.text) }
        for a in amounts {
            check("amount", a.start, a.end, a.text)
            if !a.value.isFinite { found.append("amount \(a.text.debugDescription) has the value \(a.value)") }
        }
        for e in entities {
            if e.name.isEmpty { found.append("an entity has no name") }
            for m in e.mentions {
                guard let surface = slice(m.start, m.end) else {
                    found.append(
                        "mention of \(e.name) \(m.start)..<\(m.end) lies outside a body of \(scalars.count) scalars")
                    continue
                }
                if surface != e.name, !e.aliases.contains(surface),
                    EntityLexicon.aliases[EntityResolver.normalise(surface)] == nil
                {
                    found.append(
                        "mention \(surface.debugDescription) is neither \(e.name.debugDescription) nor one of its aliases"
                    )
                }
            }
        }
        if summary.count > 5 { found.append("a summary of \(summary.count) sentences") }
        // Compared by bytes: a sentence may start or end inside a grapheme cluster.
        for s in summary where s.isEmpty || text.utf8.firstRange(of: s.utf8) == nil {
            found.append("summary sentence \(s.debugDescription) is not in the body")
        }
        if !(-1...1).contains(tone) { found.append("tone \(tone) outside -1...1") }
        return found
    }

    /// `slice` with quotation marks dropped where `text` lacks them, scalar by scalar;
    /// `slice` itself when something else differs.
    static func withoutMarks(_ slice: String, as text: String) -> String {
        var out = String.UnicodeScalarView()
        var rest = text.unicodeScalars[...]
        for c in slice.unicodeScalars {
            if let next = rest.first, next == c {
                out.append(c)
                rest = rest.dropFirst()
            } else if !"\"“”«»„".unicodeScalars.contains(c) {
                return slice
            }
        }
        return String(out)
    }
}
