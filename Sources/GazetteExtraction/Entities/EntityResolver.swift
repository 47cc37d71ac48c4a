/// Joins the mentions of one article into distinct entities: exact and alias spellings
/// (`US`/`U.S.`/`United States`, `Nato`/`NATO`) of one type share a key; shorter person names join the
/// fullest name that contains them (`Putin`, `Mr Putin` → `Vladimir Putin`).
package struct EntityResolver {
    struct Mention {
        var tokens: Range<Int>
        var type: EntityType
    }

    private final class Group {
        var key: String
        var words: [String]
        var canonical: String?
        var mentions: [(tokens: Range<Int>, type: EntityType, surface: String)] = []
        var joined: Group? = nil

        init(key: String, words: [String], canonical: String?) {
            self.key = key
            self.words = words
            self.canonical = canonical
        }

        /// The type most mentions have; ties go to the earliest mention's type. Set by
        /// ``settleType()`` once every mention is in.
        private(set) var type = EntityType.misc

        func settleType() {
            var votes = [Int](repeating: 0, count: EntityType.allCases.count)
            func index(_ t: EntityType) -> Int { EntityType.allCases.firstIndex(of: t)! }
            for m in mentions { votes[index(m.type)] += 1 }
            var best = mentions[0].type
            for m in mentions where votes[index(m.type)] > votes[index(best)] { best = m.type }
            type = best
        }

        var root: Group { joined?.root ?? self }
    }

    let text: AnalyzedText

    func resolve(_ mentions: [Mention]) -> [Entity] {
        var groups: [Group] = []
        var byKey: [String: Group] = [:]
        for m in mentions {
            let surface = text.text(text.tokens[m.tokens.lowerBound].start..<text.tokens[m.tokens.upperBound - 1].end)
            let norm = Self.normalise(surface)
            let alias = EntityLexicon.aliases[norm]
            // The same spelling with two types is two entities (`Philadelphia` the city and the team).
            let key = alias.map { "=" + $0.name } ?? norm + "|" + m.type.rawValue
            let group: Group
            if let g = byKey[key] {
                group = g
            } else {
                group = Group(key: key, words: norm.split(separator: " ").map(String.init), canonical: alias?.name)
                byKey[key] = group
                groups.append(group)
            }
            group.mentions.append((m.tokens, alias?.type ?? m.type, surface))
        }
        for g in groups { g.settleType() }
        // Shorter names join the longest person name containing all their words; a storm's name
        // joins the storm (`Katrina`, `Hurricane Katrina`).
        let fullNames = groups.filter {
            ($0.type == .person || $0.type == .event) && $0.words.count > 1 && $0.canonical == nil
        }
        for g in groups where g.canonical == nil {
            guard g.type == .person || g.words.count == 1 else { continue }
            var best: Group? = nil
            var people: Set<ObjectIdentifier> = []
            let words = Set(g.words)
            for p in fullNames where p !== g && p.words.count > g.words.count && words.isSubset(of: p.words) {
                if (g.type == .event) != (p.type == .event) { continue }
                // A single word of another type joins only as the person's last name.
                if g.type != .person, p.words.last != g.words.first { continue }
                if p.type == .person { people.insert(ObjectIdentifier(p.root)) }
                if best == nil || p.mentions.count > best!.mentions.count { best = p }
            }
            // A word two people share (`Cheney` beside Dick and Mary Cheney) is neither's: joining
            // it would give one of them the other's roles and quotes.
            if g.words.count == 1, people.count > 1 { continue }
            if let best { g.joined = best.root }
        }
        // The groups joined to each root, in order.
        var members: [ObjectIdentifier: [Group]] = [:]
        for other in groups where other.joined != nil {
            members[ObjectIdentifier(other.root), default: []].append(other)
        }
        var entities: [Entity] = []
        for g in groups where g.joined == nil {
            var all = g.mentions
            for other in members[ObjectIdentifier(g)] ?? [] { all += other.mentions }
            all.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
            let type = g.type
            let name = g.canonical ?? Self.fullest(g.mentions.map(\.surface))
            var aliases: [String] = []
            for m in all where m.surface != name && !aliases.contains(m.surface) { aliases.append(m.surface) }
            entities.append(
                Entity(
                    name: name, type: type, aliases: aliases,
                    mentions: all.map {
                        Span(
                            start: text.tokens[$0.tokens.lowerBound].start,
                            end: text.tokens[$0.tokens.upperBound - 1].end)
                    }))
        }
        return entities
    }

    /// Lower case, curly apostrophes straightened, periods of abbreviations dropped.
    package static func normalise(_ s: String) -> String {
        // Runs of white space (a name broken over a line) become one space. An ASCII name is
        // folded on its bytes in the same pass.
        var s = s
        let ascii = s.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var space = false
                for b in bytes where b != UInt8(ascii: ".") {
                    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                        space = n > 0
                        continue
                    }
                    if space {
                        out[n] = 0x20
                        n += 1
                        space = false
                    }
                    out[n] = b >= 65 && b <= 90 ? b + 32 : b
                    n += 1
                }
                return n
            }
        }
        if let ascii { return ascii }
        var out = String.UnicodeScalarView()
        var space = false
        for c in fold(s.unicodeScalars, dropPeriods: true).unicodeScalars {
            if Tokenizer.isSpace(c) {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(" ")
                space = false
            }
            out.append(c)
        }
        return String(out)
    }

    /// ``fold(_:dropPeriods:)`` of token `i`: its ``AnalyzedText/words`` entry when that is
    /// packed (ASCII, where folding is lower-casing), which is already made.
    static func fold(token i: Int, of text: AnalyzedText) -> String {
        text.packedWords[i].isPacked ? text.words[i] : fold(text.scalars[text.tokens[i].range])
    }

    /// Lower-cases scalars with an ASCII fast path and straightens curly apostrophes.
    static func fold(_ scalars: some Sequence<Unicode.Scalar>, dropPeriods: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for c in scalars {
            if c.value < 128 {
                if c == ".", dropPeriods { continue }
                out.append(c.value >= 65 && c.value <= 90 ? Unicode.Scalar(UInt8(c.value + 32)) : c)
            } else if c == "\u{2019}" {
                out.append("'")
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// The fullest surface form: most words, then all-capitals acronyms (`NATO` over `Nato`),
    /// then the most frequent, then the first seen.
    static func fullest(_ surfaces: [String]) -> String {
        var counts: [String: Int] = [:]
        for s in surfaces { counts[s, default: 0] += 1 }
        var ranks: [String: (Int, Int, Int)] = [:]
        func rank(_ s: String) -> (Int, Int, Int) {
            if let r = ranks[s] { return r }
            let words = s.spaceSeparatedCount
            let acronym = words == 1 && s.count <= 5 && s == s.uppercased() ? 1 : 0
            let r = (words, acronym, counts[s] ?? 0)
            ranks[s] = r
            return r
        }
        var best = surfaces[0]
        var bestRank = rank(best)
        for s in surfaces {
            let r = rank(s)
            if r > bestRank { (best, bestRank) = (s, r) }
        }
        return best
    }
}
