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
    ///
    /// Lines are cut on the UTF-8 bytes and their scalars decoded into one reused buffer: this
    /// runs over some 65,000 phrases at every start, before the first article can be read.
    public mutating func add(_ text: String, to list: List) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(128)
        for line in text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            scalars.removeAll(keepingCapacity: true)
            scalars.append(contentsOf: Substring(line).unicodeScalars)
            let tokens = Tokenizer.tokenize(scalars)
            guard !tokens.isEmpty else { continue }
            var h = FeatureHash.seed
            for (k, t) in tokens.enumerated() {
                h = FeatureHash.combine(h, TokenFeatures.lowerHash(scalars, t.range))
                // Every proper prefix is marked so that matching stops as soon as none continues.
                if k + 1 < tokens.count { phrases.formUnion(UInt32(Gazetteer.prefixBit), for: h) }
            }
            phrases.formUnion(UInt32(list.bit), for: h)
            maxLength = max(maxLength, tokens.count)
        }
    }

    /// Loads every list from `directory`; a missing file leaves its list empty.
    ///
    /// When `directory` holds ``compiledFileName`` made from these very lists, its table is read
    /// instead of tokenising some 65,000 phrases (most of the time `gazette extract` of one
    /// file took before its first output).
    public static func load(from directory: URL) -> Gazetteer {
        let texts = List.allCases.map { list in
            (list, try? Data(contentsOf: directory.appendingPathComponent(list.fileName)))
        }
        let fingerprint = Self.fingerprint(texts)
        if let bytes = try? Data(contentsOf: directory.appendingPathComponent(compiledFileName)),
            let compiled = Gazetteer(compiled: [UInt8](bytes), fingerprint: fingerprint)
        {
            return compiled
        }
        return parse(texts)
    }

    /// Tokenises every phrase of the lists.
    static func parse(_ texts: [(List, Data?)]) -> Gazetteer {
        var g = Gazetteer()
        // About one entry per line and a few more for the prefixes of longer phrases.
        let lines = texts.reduce(0) { $0 + ($1.1?.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } ?? 0) }
        g.phrases.reserveCapacity(lines + lines / 4)
        for case (let list, let data?) in texts { g.add(String(decoding: data, as: UTF8.self), to: list) }
        return g
    }

    // MARK: Compiled form

    /// The compiled table's file name beside the lists (`gazette-tools compile-gazetteer`).
    public static let compiledFileName = "gazetteer.bin"
    private static let magic = Array("GZT1".utf8)

    /// The table as bytes: `GZT1`, the lists' fingerprint (UInt64), the longest phrase and the
    /// entry count (UInt32 each), then each entry's key (UInt64) and lists (UInt32), sorted by
    /// key; little-endian.
    public static func compile(from directory: URL) -> [UInt8] {
        let texts = List.allCases.map { list in
            (list, try? Data(contentsOf: directory.appendingPathComponent(list.fileName)))
        }
        let g = parse(texts)
        var out = magic
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        put(fingerprint(texts))
        put(UInt32(g.maxLength))
        let entries = g.sortedEntries
        put(UInt32(entries.count))
        for entry in entries {
            put(entry.key)
            put(entry.value)
        }
        return out
    }

    /// The compiled table, or nil when the bytes are not one or were made from other lists.
    init?(compiled bytes: [UInt8], fingerprint: UInt64) {
        let table = bytes.withUnsafeBytes { raw -> (longest: Int, phrases: HashMap64)? in
            func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard raw.count >= 20, raw.starts(with: Self.magic), get(UInt64.self, at: 4) == fingerprint else {
                return nil
            }
            let count = Int(get(UInt32.self, at: 16))
            guard raw.count == 20 + count * 12 else { return nil }
            var phrases = HashMap64(minimumCapacity: count)
            for offset in stride(from: 20, to: raw.count, by: 12) {
                phrases[get(UInt64.self, at: offset)] = get(UInt32.self, at: offset + 8)
            }
            return (Int(get(UInt32.self, at: 12)), phrases)
        }
        guard let table else { return nil }
        maxLength = table.longest
        phrases = table.phrases
    }

    /// Every phrase hash and its lists, sorted by hash (for comparing two tables).
    var sortedEntries: [(key: UInt64, value: UInt32)] { phrases.entries.sorted { $0.key < $1.key } }

    /// FNV-1a over each list's file name and bytes: a compiled table is used only for the lists
    /// it was made from.
    static func fingerprint(_ texts: [(List, Data?)]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for (list, data) in texts {
            list.fileName.utf8.forEach(mix)
            mix(0)
            data?.forEach(mix)
            mix(0)
        }
        return h
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
