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

    /// Entry index by word key.
    var index: KeyTable
    var entries: [Entry]

    /// The lexicon shipped with Gazette; empty (every text neutral) if the resource is missing.
    public static let shared: ToneLexicon = {
        guard let url = Bundle.module.url(forResource: "vader", withExtension: "tsv", subdirectory: "Resources/tone"),
            let data = try? Data(contentsOf: url)
        else { return ToneLexicon(tsv: []) }
        return ToneLexicon(tsv: Array(data))
    }()

    /// Parses the `w word valence`, `b word delta`, `n word` lines of `vader.tsv`.
    init(tsv bytes: [UInt8]) {
        var index = KeyTable(minimumCapacity: 8_000)
        var entries: [Entry] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].count == 1 else { continue }
            let kind = fields[0].first
            guard kind == UInt8(ascii: "w") || kind == UInt8(ascii: "b") || kind == UInt8(ascii: "n") else { continue }
            let (i, inserted) = index.value(for: WordKey.of(bytes: fields[1]), inserting: Int32(entries.count))
            if inserted { entries.append(Entry()) }
            let number = fields.count > 2 ? Float(String(decoding: fields[2], as: UTF8.self)) ?? 0 : 0
            switch kind {
            case UInt8(ascii: "w"): entries[Int(i)].valence = number
            case UInt8(ascii: "b"): entries[Int(i)].booster = number
            default: entries[Int(i)].negation = true
            }
        }
        self.index = index
        self.entries = entries
    }

    var isEmpty: Bool { entries.isEmpty }

    @inline(__always)
    func entry(_ key: UInt64) -> Entry? {
        index.value(for: key).map { entries[Int($0)] }
    }
}
