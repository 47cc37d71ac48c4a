import Foundation
import GazetteExtraction
import GazetteFuzzing
import Testing

/// Article fixtures mutated by a seeded generator, through the whole pipeline (cleaned up and
/// raw) and through the text pipeline alone: hostile characters inserted into the text, and
/// bytes of the file flipped, dropped, repeated and replaced.
@Suite struct MutationTests {
    typealias F = RobustnessFixtures

    /// Quotes, brackets, digits, currency signs, line breaks, other scripts, combining marks,
    /// emoji, direction marks, U+FFFD, NUL and markup that the readers key on.
    static let insertions = [
        "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "(", ")", "[", "]", "{", "}", "<", ">", "</p>", "<br>",
        "0", "7", "12", "2025", "3.5", "1,000", "$", "£", "€", "¥", "₹", "US$", "%", "\n", "\n\n", "\r\n", "\r",
        "\u{2028}", "\t", "Москва", "北京", "العربية", "עברית", "हिन्दी", "\u{301}", "\u{308}\u{323}", "😀", "👩‍👩‍👧",
        "🇺🇦", "👍🏽", "\u{200F}", "\u{200E}", "\u{202E}", "\u{FEFF}", "\u{FFFD}", "\u{0}", "\u{7}", "&amp;", "&#",
        "=E2=80=9C", "=\n", "# ", "- ", "> ", "**", "`", "---\n", ":", "said", " Mr. ", " over", " ago", " million",
    ]

    static let published = Date(timeIntervalSince1970: 1_764_748_800)

    static func insertions(into text: String, using random: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            let piece = insertions.randomElement(using: &random)!
            scalars.insert(contentsOf: piece.unicodeScalars, at: Int.random(in: 0...scalars.count, using: &random))
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    static func byteMutations(of bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
            let i = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            case 1: bytes.remove(at: i)
            case 2:
                bytes.insert([0x00, 0x80, 0xBF, 0xC0, 0xE2, 0xF0, 0xFE, 0xFF].randomElement(using: &random)!, at: i)
            case 3: bytes.insert(contentsOf: Array(bytes[i..<min(bytes.count, i + 32)]), at: i)
            default: bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...64, using: &random)))
            }
        }
        return bytes
    }

    @Test(arguments: UInt64(1)...30)
    func insertedCharacters(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let article = F.articles[Int(seed) % F.articles.count]
        let text = Self.insertions(into: String(decoding: article.bytes, as: UTF8.self), using: &random)
        F.check(Array(text.utf8), path: article.name, cleanText: false)
        let analysis = FrontFixtures.extractor.analyze(body: text, publishedAt: Self.published)
        #expect(Invariants.violations(in: analysis) == [], "seed \(seed)")
    }

    @Test(arguments: UInt64(1)...30)
    func mutatedBytes(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let article = F.articles[Int(seed) % F.articles.count]
        F.check(Self.byteMutations(of: article.bytes, using: &random), path: article.name, cleanText: false)
    }
}
