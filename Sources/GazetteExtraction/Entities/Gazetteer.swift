import Foundation

/// Phrase lists (countries, cities, regions, demonyms, given names, surnames, organisation
/// suffixes, and WordNet's people, organisations, places and other names) matched
/// case-insensitively over token sequences. Each phrase is tokenised with
/// the pipeline's ``Tokenizer`` and stored as the hash of its lower-cased tokens.
public struct Gazetteer: Sendable {
    public enum List: Int, CaseIterable, Sendable {
        case country, city, region, demonym, givenName, surname, orgSuffix
        case person, organisation, place, otherName

        /// The file name under `Resources/ner/`.
        public var fileName: String {
            switch self {
            case .country: "countries.txt"
            case .city: "cities.txt"
            case .region: "regions.txt"
            case .demonym: "demonyms.txt"
            case .givenName: "given_names.txt"
            case .surname: "surnames.txt"
            case .orgSuffix: "org_suffixes.txt"
            case .person: "people.txt"
            case .organisation: "organisations.txt"
            case .place: "places.txt"
            case .otherName: "other_names.txt"
            }
        }

        var bit: UInt16 { 1 << UInt16(rawValue) }
    }

    /// Phrase hash → bit set of the lists that contain the phrase, plus ``prefixBit`` (low 16 bits).
    private var phrases = HashMap64()
    /// Marks the hash of the first words of a longer phrase.
    static let prefixBit: UInt16 = 0x8000
    /// Longest phrase, in tokens.
    private(set) var maxLength = 0

    public init() {}

    /// Adds newline-separated phrases to `list`.
    public mutating func add(_ text: String, to list: List) {
        for line in text.split(whereSeparator: \.isNewline) {
            let scalars = Array(line.unicodeScalars)
            let tokens = Tokenizer.tokenize(scalars)
            guard !tokens.isEmpty else { continue }
            var h = FeatureHash.seed
            for (k, t) in tokens.enumerated() {
                h = FeatureHash.combine(h, TokenFeatures.lowerHash(scalars, t.range))
                // Every proper prefix is marked so that matching stops as soon as none continues.
                if k + 1 < tokens.count { phrases[h, default: 0] |= UInt32(Gazetteer.prefixBit) }
            }
            phrases[h, default: 0] |= UInt32(list.bit)
            maxLength = max(maxLength, tokens.count)
        }
    }

    /// Loads every list from `directory`; a missing file leaves its list empty.
    public static func load(from directory: URL) -> Gazetteer {
        var g = Gazetteer()
        for list in List.allCases {
            if let text = try? String(contentsOf: directory.appendingPathComponent(list.fileName), encoding: .utf8) {
                g.add(text, to: list)
            }
        }
        return g
    }

    /// Lists containing exactly the phrase made of `words` (lower-case hashes).
    func lists(ofPhrase words: some Sequence<UInt64>) -> UInt16 {
        var h = FeatureHash.seed
        for w in words { h = FeatureHash.combine(h, w) }
        return UInt16(truncatingIfNeeded: phrases[h] ?? 0) & ~Gazetteer.prefixBit
    }

    /// Whether the token sequence `tokens` of `text` is exactly a phrase of `list`.
    public func contains(_ tokens: Range<Int>, of text: AnalyzedText, in list: List) -> Bool {
        var h = FeatureHash.seed
        for t in tokens { h = FeatureHash.combine(h, TokenFeatures.lowerHash(text.scalars, text.tokens[t].range)) }
        return UInt16(truncatingIfNeeded: phrases[h] ?? 0) & list.bit != 0
    }

    /// The token count of the longest phrase of `list` that starts at token `start` of `text`
    /// and ends before `limit`; 0 when none does.
    public func longestPhrase(at start: Int, before limit: Int, of text: AnalyzedText, in list: List) -> Int {
        var longest = 0
        walk(from: start, before: limit, hash: { TokenFeatures.lowerHash(text.scalars, text.tokens[$0].range) }) {
            length, lists in
            if lists & list.bit != 0 { longest = length }
        }
        return longest
    }

    /// Marks, for every token, the lists of the phrases it begins (`begin`) or continues
    /// (`inside`). Only phrases starting with a capitalised token are matched.
    func match(
        _ words: UnsafeBufferPointer<TokenFeatures>, begin: UnsafeMutableBufferPointer<UInt16>,
        inside: UnsafeMutableBufferPointer<UInt16>
    ) {
        let n = words.count
        for i in 0..<n {
            begin[i] = 0
            inside[i] = 0
        }
        guard !phrases.isEmpty else { return }
        for i in 0..<n where words[i].isCapitalized {
            walk(from: i, before: n, hash: { words[$0].lower }) { length, lists in
                begin[i] |= lists
                for k in (i + 1)..<(i + length) { inside[k] |= lists }
            }
        }
    }

    /// Calls `visit(length, lists)` for each phrase that starts at token `start` (tokens hashed
    /// by `hash`), shortest first, stopping as soon as no longer phrase can follow.
    @inline(__always)
    private func walk(from start: Int, before limit: Int, hash: (Int) -> UInt64, visit: (Int, UInt16) -> Void) {
        var h = FeatureHash.seed
        var length = 0
        while length < maxLength && start + length < limit {
            h = FeatureHash.combine(h, hash(start + length))
            length += 1
            guard let found = phrases[h].map({ UInt16(truncatingIfNeeded: $0) }) else { return }
            let lists = found & ~Gazetteer.prefixBit
            if lists != 0 { visit(length, lists) }
            if found & Gazetteer.prefixBit == 0 { return }
        }
    }
}
