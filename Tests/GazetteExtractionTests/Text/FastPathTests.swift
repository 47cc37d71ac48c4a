import Foundation
import GazetteTestSupport
import Testing

@testable import GazetteExtraction

/// The speed shortcuts (byte and ASCII fast paths, packed look-ups) against the plain String
/// code they stand in for, on fixed cases and seeded random text.
@Suite("Fast paths")
struct FastPathTests {
    /// Pieces that stress the paths: ASCII, a precomposed and a decomposed accent, CR LF,
    /// curly quotes, a no-break space and a space before a combining mark.
    static let pieces = [
        "a", "B", "word", " ", "  ", "\t", "\n", "\r\n", "\r", ".", ":", "-", "é", "e\u{301}", " \u{301}", "’", "“",
        "\u{A0}", "2025", "Q3",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
    }

    @Test func linesSplitLikeCharacterSplit() {
        for text in Self.randomTexts(count: 500, seed: 1) {
            #expect(text.lines() == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    @Test func lengthAndByteSearchAgreeWithString() {
        for text in Self.randomTexts(count: 500, seed: 2) {
            for limit in [0, 3, 10, 40] { #expect(text.hasAtMost(limit) == (text.count <= limit)) }
            // A byte match can only be missing where the string search misses too.
            for needle in ["a ", ": ", "word", "\r\n"] where !text.containsBytes(needle) {
                #expect(!text.contains(needle))
            }
        }
        for text in Self.randomTexts(count: 500, seed: 3) {
            #expect(text.isASCIIWithoutCR == text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }, "\(Array(text.utf8))")
        }
        // Every position of the word-at-a-time scan: a `\r` or a non-ASCII byte anywhere is seen.
        for k in 0..<20 {
            let plain = String(repeating: "x", count: 20)
            #expect(plain.isASCIIWithoutCR)
            var cr = Array(plain.utf8)
            cr[k] = 0x0D
            #expect(!String(decoding: cr, as: UTF8.self).isASCIIWithoutCR)
            #expect(!(String(repeating: "x", count: k) + "é" + plain).isASCIIWithoutCR)
            #expect(String(repeating: "x", count: k + 30).hasAtMost(k + 29) == false)
        }
        for text in Self.randomTexts(count: 500, seed: 4) + [
            "", "😀 emoji 👍🏽", "日本語のテキスト", "\u{10FFFF}x\u{7FF}\u{800}\u{FFFF}",
        ] {
            #expect(text.scalarArray == Array(text.unicodeScalars))
        }
        #expect("Photograph: AP".containsBytes("Photograph: "))
        #expect(!"Photograph AP".containsBytes(": "))
    }

    @Test func wordTableAnswersLikeDictionary() {
        let entries = ["may": 5, "september": 9, "été": 1, "a-very-long-word-over-sixteen": 2, "k": 3]
        let table = WordTable(entries)
        for word in [
            "may", "mayo", "ma", "september", "été", "ete", "a-very-long-word-over-sixteen", "k", "", "K", "\u{212A}",
        ] {
            #expect(table[word] == entries[word], "\(word)")
        }
        let set = WordTable(["the", "of"])
        #expect(set.contains("the") && !set.contains("then"))
    }

    @Test func tidyMatchesCharacterLoop() {
        func reference(_ line: String) -> String {
            var out = ""
            var pending = false
            for c in line {
                if [" ", "\t", "\u{A0}", "\u{202F}", "\u{2009}", "\u{200B}", "\u{FEFF}"].contains(c) {
                    pending = !out.isEmpty
                } else {
                    if pending { out.append(" ") }
                    pending = false
                    out.append(c)
                }
            }
            return out
        }
        for text in Self.randomTexts(count: 500, seed: 3) where !text.contains("\n") {
            #expect(ArticleCleaner.tidy(text) == reference(text))
        }
    }

    @Test func tokenWordsAreLowercasedText() {
        for body in Self.randomTexts(count: 200, seed: 4) + ["ÉCOLE Straße DON’T İstanbul"] {
            let text = AnalyzedText(body: body)
            #expect(text.words == text.tokens.map { text.text(of: $0).lowercased() })
        }
    }

    @Test func simHashMatchesJoinedShingles() {
        func reference(_ text: AnalyzedText) -> UInt64 {
            let words = text.tokens.filter { $0.kind == .word || $0.kind == .number }.map {
                text.text(of: $0).lowercased()
            }
            guard !words.isEmpty else { return 0 }
            var votes = [Int](repeating: 0, count: 64)
            let width = min(3, words.count)
            for start in 0...(words.count - width) {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in words[start..<(start + width)].joined(separator: " ").utf8 {
                    h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
                }
                for bit in 0..<64 { votes[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
            }
            return (0..<64).reduce(0) { votes[$1] > 0 ? $0 | 1 << UInt64($1) : $0 }
        }
        for body in Self.randomTexts(count: 200, seed: 5) {
            let text = AnalyzedText(body: body)
            #expect(SimHash.hash(text) == reference(text))
        }
    }

    @Test func isoDatesAreScannedLikeThePattern() {
        func date(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, offset: Int = 0) -> Date? {
            UTCDateTime.date(year: y, month: mo, day: d, hour: h, minute: mi, second: s, offsetSeconds: offset)
        }
        let cases: [(String, Date?, [String])] = [
            ("2025-12-03", date(2025, 12, 3), []),
            ("Published 2025-12-03T08:00:00Z", date(2025, 12, 3, 8), ["published"]),
            (
                "Updated: 2025-12-03 08:30:15.250 +01:00 GMT", date(2025, 12, 3, 8, 30, 15, offset: 3_600),
                ["updated", "gmt"]
            ),
            ("12025-12-03T08:00-0500", date(2025, 12, 3, 8, offset: -18_000), ["1"]),
            ("2025-12-03T8:00 later", date(2025, 12, 3), ["t8:00", "later"]),
            ("2025-12-03 08:00 +05:0", date(2025, 12, 3, 8), ["+05:0"]),
            ("2025-13-45", nil, []),
            ("٢٠٢٥-12-03", nil, []),
        ]
        for (text, expected, leftovers) in cases {
            let match = DateParser.parseISO(text)
            #expect(match?.date == expected, "\(text)")
            if expected != nil { #expect(match?.leftovers == leftovers, "\(text)") }
        }
    }

    @Test func asciiDateWordsMatchCharacterWords() {
        // A trailing non-ASCII word sends the same text down the Character path.
        for text in ["Published: Wed 3 Dec. 2025 -- 08:00 +0100", "by -5 at 5:30 p.m. EST", ".:. -x- x-y :a:"] {
            #expect(DateParser.words(text) == Array(DateParser.words(text + " é").dropLast()))
        }
        #expect(DateParser.words("Wed, 3 Dec. 2025 at 08.00") == ["wed", "3", "dec", "2025", "at", "08.00"])
    }

    @Test func plainTextIsSettledFromItsFirstWord() {
        for text in ["The minister said", "2025: a year", "Lead-in: here", "A line\nFrom: x"] {
            #expect(FormatDetector.startsAsPlainText(text) == (text != "Lead-in: here"))
            #expect(FormatDetector.sniff(text) == .text)
        }
        for text in [
            "From: a@b.c\nTo: d@e.f\nSubject: s\n\nBody", "<html><body>x</body></html>", "{\"body\": \"x\"}",
            "# Title\n\nText",
        ] {
            #expect(!FormatDetector.startsAsPlainText(text))
            #expect(FormatDetector.sniff(text) != .text)
        }
    }

    @Test func normalisationShortcutOnlyWhenNothingChanges() {
        #expect(TextDecoder.isNormalized("“Quoted” — £5, café"))
        #expect(!TextDecoder.isNormalized("cafe\u{301}"))
        #expect(!TextDecoder.isNormalized("a\r\nb"))
        #expect(!TextDecoder.isNormalized("\u{212A}"))
        #expect(TextDecoder.normalize("a\r\nb\u{2028}c") == "a\nb\nc")
        // Other scripts in NFC are normalised already (no copy through Foundation).
        #expect(TextDecoder.isNormalized("Москва, 東京, القاهرة, 서울 😀"))
        #expect(!TextDecoder.isNormalized("Москва\r\n"))
        #expect(TextDecoder.normalize("cafe\u{301}\r\nМосква\rx\u{0C}y\u{85}z\u{2029}") == "café\nМосква\nx\ny\nz\n")

        // Composed without Foundation, over many of its 64 KB chunks: accents, Hangul jamo, the
        // Kelvin sign, and characters of two to four bytes at every offset.
        let decomposed = String(repeating: "Zoe\u{308} \u{1100}\u{1161}\u{11A8} \u{212A} Ωmega 😀 ", count: 20_000)
        let composed = String(repeating: "Zoë 각 K Ωmega 😀 ", count: 20_000)
        #expect(Array(TextDecoder.normalize(decomposed).utf8) == Array(composed.utf8))
    }

    @Test func stageTimingsNameEveryStep() throws {
        var timings = StageTimings()
        let document = SourceDocument(
            path: "a.txt", bytes: Array("Headline\n\nMr Smith said on Monday that prices rose 5%.".utf8),
            modified: Date())
        _ = try Extractor().extract(document, options: .init(), timings: &timings)
        #expect(
            timings.entries.map(\.name) == [
                "decode", "format", "clean-up", "text", "EntityStage", "KeyphraseStage", "SummaryStage", "ToneStage",
                "QuoteStage", "DateStage", "AmountStage", "record",
            ])
        #expect(timings.total > .zero)
    }
}
