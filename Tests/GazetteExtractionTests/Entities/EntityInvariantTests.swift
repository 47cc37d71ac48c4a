import GazetteFuzzing
import Testing

@testable import GazetteExtraction

/// Seeded random inputs: the entity stage never crashes, its spans lie inside the body on
/// scalar boundaries, and it is deterministic.
@Suite struct EntityInvariantTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let pieces = [
        "Vladimir Putin", "Nato", "U.S.", "Mr.", " ", " ", "\n", "\n\n", "“", "”", "\"", "'", "’s", ".", ",", "—", "-",
        "London-based", "historian", "envoy", "Kyiv", "the", "The", "said", "3.5", "£253bn", "🇺🇦", "👍🏽", "é", "e\u{301}",
        "Москва", "北京", "\u{0}", "\u{7}", "\t", "ABC", "x", "J.", "secretary of state", "'s", ", ",
    ]

    func randomBody(_ g: inout Generator) -> String {
        var s = ""
        for _ in 0..<g.next(120) { s += Self.pieces[g.next(Self.pieces.count)] }
        return s
    }

    @Test(arguments: 0..<40)
    func invariants(seed: Int) {
        var g = Generator(state: UInt64(seed) &+ 0x5EED)
        let body = randomBody(&g)
        let text = AnalyzedText(body: body)
        var first = Analysis(text: text, publishedAt: nil)
        EntityStage().run(&first)
        var second = Analysis(text: text, publishedAt: nil)
        EntityStage().run(&second)
        #expect(first.entities == second.entities)
        #expect(Invariants.violations(in: first) == [])
    }

    @Test func hugeInputsDoNotCrash() {
        let quotes = String(repeating: "“", count: 10_000)
        let paragraph = String(repeating: "Putin met Trump in Kyiv and ", count: 2_000)
        for body in [quotes, paragraph] {
            var a = Analysis(text: AnalyzedText(body: body), publishedAt: nil)
            EntityStage().run(&a)
            #expect(Invariants.violations(in: a) == [])
        }
    }
}
