import GazetteExtraction

/// Seeded random article-like text for invariant tests of the keyphrase, summary and tone
/// stages: words, names, punctuation, quotes, emoji, control characters and mixed scripts.
struct NoisyText {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func next() -> UInt64 { random.next() }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let pieces = [
        "the", "war", "Ukraine", "peace", "talks", "not", "very", "good", "bad", "NATO", "Nato", "said", "“", "”",
        "\"", "'", "’s", ".", ",", "!", "?", "–", "-", "\n", "\n\n", "  ", "£253bn", "1945", "U.S.", "Mr.",
        "😀", "👍🏽", "\u{0}", "\u{7}", "\u{200B}", "é", "e\u{301}", "Привет", "東京", "مرحبا", "don't", "isn’t",
        "coalition", "of", "willing", "GREAT", "terrible", "but", "least", ":)", "#", "…", "(", ")", "[", "]",
    ]

    /// Inputs that have broken text code before: thousands of quotation marks, one enormous
    /// paragraph, emoji only, control characters, lone combining marks.
    static let pathological: [String] = [
        String(repeating: "\"", count: 10_000),
        String(repeating: "“", count: 10_000) + " word",
        String(repeating: "The war goes on and on ", count: 20_000),
        String(repeating: "😀👍🏽 ", count: 5_000),
        String(repeating: "\u{0}\u{1}\u{7}\u{1B}[0m\r", count: 2_000),
        String(repeating: "\u{301}", count: 1_000),
        String(repeating: ". ! ? ", count: 5_000),
        String(repeating: "Mr. U.S. e.g. ", count: 5_000),
    ]

    /// A text of about `count` pieces joined by spaces (sometimes by nothing).
    mutating func text(pieces count: Int) -> String {
        var out = ""
        for _ in 0..<count {
            out += pick(Self.pieces)
            if next() % 4 != 0 { out += " " }
        }
        return out
    }
}
