import Foundation

/// The sentiment lexicon the tone stage reads: word valences (-4…4), intensifiers and
/// dampeners, and negations, keyed by ``WordKey``.
///
/// Built by `scripts/build_tone_lexicon.py` from VADER 3.3.2 (MIT) into
/// `Resources/tone/vader.tsv`; see `Resources/README.md`. Loaded once, in a few milliseconds.
public struct ToneLexicon: Sendable {
    struct Entry: Sendable {
        var valence: Float = 0
        var booster: Float = 0
        var negation = false
    }

    var entries: [UInt64: Entry]

    /// The lexicon shipped with Gazette; empty (every text neutral) if the resource is missing.
    public static let shared: ToneLexicon = {
        guard let url = Bundle.module.url(forResource: "vader", withExtension: "tsv", subdirectory: "Resources/tone"),
              let data = try? Data(contentsOf: url)
        else { return ToneLexicon(entries: [:]) }
        return ToneLexicon(tsv: Array(data))
    }()

    init(entries: [UInt64: Entry]) {
        self.entries = entries
    }

    /// Parses the `w word valence`, `b word delta`, `n word` lines of `vader.tsv`.
    init(tsv bytes: [UInt8]) {
        var entries: [UInt64: Entry] = [:]
        entries.reserveCapacity(8_000)
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].count == 1 else { continue }
            let key = WordKey.of(bytes: fields[1])
            let number = fields.count > 2 ? Float(String(decoding: fields[2], as: UTF8.self)) ?? 0 : 0
            switch fields[0].first {
            case UInt8(ascii: "w"): entries[key, default: Entry()].valence = number
            case UInt8(ascii: "b"): entries[key, default: Entry()].booster = number
            case UInt8(ascii: "n"): entries[key, default: Entry()].negation = true
            default: continue
            }
        }
        self.entries = entries
    }

    var isEmpty: Bool { entries.isEmpty }
}
