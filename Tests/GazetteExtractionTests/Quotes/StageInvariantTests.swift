import Foundation
import GazetteFuzzing
import GazetteTestSupport
import Testing

@testable import GazetteExtraction

/// Seeded random and hostile inputs for the quote, date and amount stages: no crash, spans
/// inside the body, `text` equal to the body slice, and the same output twice.
@Suite struct StageInvariantTests {
    static let pieces = [
        "“", "”", "\"", "«", "»", "„", "‘", "’", " ", " ", "\n", "\n\n", ",", ".", ":", "—", "―", "$", "£", "€",
        "%", "said", "he", "she", "Putin", "Mr.", "Sen.", "according to", "so-called", "12", "2025", "1945",
        "February", "Feb.", "May", "Tuesday", "last", "next", "week", "ago", "two", "bn", "million", "per cent",
        "-", "😀", "👩‍👩‍👧", "\u{0}", "\u{7}", "\u{1B}", "\r", "\u{202E}", "é", "e\u{301}", "中文", "العربية", "Q3",
        "third-quarter",
    ]

    static func randomBody(seed: UInt64, length: Int) -> String {
        var rng = SplitMix64(seed: seed)
        var s = ""
        for _ in 0..<length { s += pieces.randomElement(using: &rng)! }
        return s
    }

    static let published = Date(timeIntervalSince1970: 1_764_748_800)

    func run(_ body: String) -> Analysis {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: Self.published)
        QuoteStage().run(&analysis)
        DateStage().run(&analysis)
        AmountStage().run(&analysis)
        return analysis
    }

    func check(_ body: String) {
        let a = run(body)
        #expect(Invariants.violations(in: a) == [])
        let b = run(body)
        #expect(a.quotes == b.quotes && a.dates == b.dates && a.amounts == b.amounts)
    }

    @Test func seededRandomInputs() {
        for seed in UInt64(1)...200 { check(Self.randomBody(seed: seed, length: Int(seed % 97) + 1)) }
    }

    @Test func hostileInputs() {
        check("")
        check(String(repeating: "“", count: 10_000))
        check(String(repeating: "\"", count: 10_001))
        check(String(repeating: "“a,” he said. ", count: 2_000))
        check(String(repeating: "word ", count: 50_000))
        check("“unbalanced\n\n” closing first “ and ” again \"")
        check("\u{0}\u{1}\u{2}“\u{7F}”\u{85}\u{2028}said\u{2029}")
    }
}
