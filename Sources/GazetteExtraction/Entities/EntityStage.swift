/// The named-entity stage: tags mentions with the shipped ``NERTagger``, drops function words,
/// makes mentions of a name consistent across the article, then resolves entities and roles.
public struct EntityStage: AnalysisStage {
    private let tagger: NERTagger?

    /// `tagger` nil means the shared shipped tagger, loaded on first use (not here, so that
    /// building a pipeline stays cheap).
    public init(tagger: NERTagger? = nil) {
        self.tagger = tagger
    }

    public func run(_ analysis: inout Analysis) {
        let text = analysis.text
        let tagger = self.tagger ?? NERTagger.shared
        var mentions: [EntityResolver.Mention] = []
        for m in joinInitials(joinParticles(joinSplitNames(tagger.mentions(in: text), text: text, gazetteer: tagger.gazetteer), text: text), text: text, gazetteer: tagger.gazetteer) {
            if let clean = clean(m, text: text, gazetteer: tagger.gazetteer) { mentions.append(clean) }
        }
        mentions = propagate(mentions, text: text)
        var entities = EntityResolver(text: text).resolve(mentions)
        var inEntity = [Bool](repeating: false, count: text.tokens.count)
        for m in mentions where m.type != .person { for t in m.tokens { inEntity[t] = true } }
        let roles = RoleFinder(text: text, inEntity: inEntity)
        for e in entities.indices where entities[e].type == .person {
            var found: [String] = []
            for span in entities[e].mentions {
                guard let tokens = tokenRange(of: span, in: text) else { continue }
                for r in roles.roles(of: tokens) where !found.contains(r) { found.append(r) }
            }
            entities[e].roles = found
        }
        analysis.entities = entities
    }

    /// Trims titles, `the` and possessives; drops lone function words and lower-case spans;
    /// maps CoNLL classes to entity types (MISC demonyms become NORP).
    func clean(_ m: NERTagger.Mention, text: AnalyzedText, gazetteer: Gazetteer) -> EntityResolver.Mention? {
        var lo = m.tokens.lowerBound
        var hi = m.tokens.upperBound
        func lower(_ i: Int) -> String { EntityResolver.fold(token: i, of: text) }
        // A number ends a name only after a word and never a person's (`Euro 96`, `Apollo 13`,
        // but `Sampras 6`), punctuation never.
        while hi > lo, (text.tokens[hi - 1].kind != .word && !(text.tokens[hi - 1].kind == .number && hi - lo > 1 && m.kind != .person)) || lower(hi - 1) == "'s" { hi -= 1 }
        // `the` stays only capitalised inside a sentence (`The Hague`, `The Oval`).
        while hi - lo > 1, (lower(lo) == "the" && !isCapitalisedThe(lo, text: text)) || (m.kind == .person && EntityLexicon.titles.contains(EntityResolver.fold(text.scalars[text.tokens[lo].range], dropPeriods: true))) {
            lo += 1
        }
        while lo < hi, text.tokens[lo].kind == .punctuation { lo += 1 }
        // Days and months glued to a name (`Waziristan Sunday`, `Tuesday Putin`).
        while hi - lo > 1, EntityLexicon.calendarWords.contains(lower(hi - 1)) { hi -= 1 }
        while hi - lo > 1, EntityLexicon.calendarWords.contains(lower(lo)) { lo += 1 }
        // Never a trailing lower-case word (`Georgios Varouxakis disagrees`) or a leading
        // function word (`Hugging Zelenskyy`).
        while hi - lo > 1, text.scalars[text.tokens[hi - 1].start].properties.isLowercase,
              !text.scalars[text.tokens[hi - 1].range].contains(where: { TokenFeatures.isUppercase($0) }) { hi -= 1 }
        while hi - lo > 1, EntityLexicon.neverAlone.contains(lower(lo)), lower(lo) != "the" || !isCapitalisedThe(lo, text: text) { lo += 1 }
        guard lo < hi else { return nil }
        // Leading initials the tagger left out (`JD Vance`, `J. Smith`).
        while m.kind == .person, lo > 0, lo == m.tokens.lowerBound, isInitials(lo - 1, text: text) { lo -= 1 }
        if hi - lo == 1, EntityLexicon.neverAlone.contains(lower(lo)) { return nil }
        // A name starts with a capital or digit, or has one after a lower-case particle (`al-Qaida`).
        guard text.scalars[text.tokens[lo].range].contains(where: { TokenFeatures.isUppercase($0) }) || Tokenizer.isDigit(text.scalars[text.tokens[lo].start]) else { return nil }
        // The first half of a hyphenated modifier is not a mention of the name (`U.S.-led`).
        if hi + 1 < text.tokens.count, text.scalars[text.tokens[hi].start] == "-", text.tokens[hi].start == text.tokens[hi - 1].end,
           text.tokens[hi + 1].start == text.tokens[hi].end, text.scalars[text.tokens[hi + 1].start].properties.isLowercase {
            return nil
        }
        let type: EntityType
        switch m.kind {
        case .person: type = .person
        case .location: type = .location
        case .organization: type = .organization
        case .misc: type = gazetteer.contains(lo..<hi, of: text, in: .demonym) ? .norp : .misc
        }
        return EntityResolver.Mention(tokens: lo..<hi, type: type)
    }

    /// `Manchester United`, `El Al`, `Dynamo Moscow`, `Hong Kong Open`: one name whose words the
    /// tagger gave two types. Two names side by side, one space apart, are rare in the training
    /// data (38 in 8,585 sentences) unless the first is MISC, which often sits before a name
    /// (`Swede Kennet Andersson`, 70), so those stay apart, as does a full person's name after
    /// another name (`Conservative Michael Fallon`). The joined name is MISC when its last part
    /// is (`Open`, `Cup`); a person when one part is and it starts with a given name (`Chris`
    /// `Gent`); else an organisation when one part is; else of its longer part's type, or its
    /// last part's when they are as long. Names on two lines are never joined.
    func joinSplitNames(_ mentions: [NERTagger.Mention], text: AnalyzedText, gazetteer: Gazetteer) -> [NERTagger.Mention] {
        var out: [NERTagger.Mention] = []
        for m in mentions {
            if let last = out.last, last.tokens.upperBound == m.tokens.lowerBound, last.kind != m.kind,
               last.kind != .misc, !(m.kind == .person && m.tokens.count > 1),
               text.tokens[m.tokens.lowerBound].start == text.tokens[last.tokens.upperBound - 1].end + 1,
               text.scalars[text.tokens[m.tokens.lowerBound].start - 1] == " " {
                let kind: NERTagger.Mention.Kind
                let first = last.tokens.lowerBound
                if m.kind == .misc {
                    kind = .misc
                } else if last.kind == .person || m.kind == .person, gazetteer.contains(first..<(first + 1), of: text, in: .givenName) {
                    kind = .person
                } else if last.kind == .organization || m.kind == .organization {
                    kind = .organization
                } else {
                    kind = last.tokens.count > m.tokens.count ? last.kind : m.kind
                }
                out[out.count - 1] = NERTagger.Mention(tokens: last.tokens.lowerBound..<m.tokens.upperBound, kind: kind)
            } else {
                out.append(m)
            }
        }
        return out
    }

    /// `Osama bin Laden`, `Frank de Boer`: a person's name, a lower-case name particle, then a
    /// capitalised word that is the same person's or untagged: the tagger often leaves the
    /// particle out and splits the name in two.
    func joinParticles(_ mentions: [NERTagger.Mention], text: AnalyzedText) -> [NERTagger.Mention] {
        var out: [NERTagger.Mention] = []
        var k = 0
        while k < mentions.count {
            var m = mentions[k]
            k += 1
            while m.kind == .person {
                let particle = m.tokens.upperBound
                let next = particle + 1
                guard next < text.tokens.count, EntityLexicon.nameParticles.contains(text.words[particle]),
                      text.tokens[particle].start == text.tokens[particle - 1].end + 1,
                      text.tokens[next].start == text.tokens[particle].end + 1,
                      text.tokens[next].kind == .word, TokenFeatures.isUppercase(text.scalars[text.tokens[next].start]) else { break }
                if k < mentions.count, mentions[k].tokens.lowerBound <= particle { break }
                if k < mentions.count, mentions[k].tokens.lowerBound == next {
                    guard mentions[k].kind == .person else { break }
                    m = NERTagger.Mention(tokens: m.tokens.lowerBound..<mentions[k].tokens.upperBound, kind: .person)
                    k += 1
                } else {
                    m = NERTagger.Mention(tokens: m.tokens.lowerBound..<(next + 1), kind: .person)
                }
            }
            out.append(m)
        }
        return out
    }

    /// `JD Vance`: the tagger, trained on 1990s news, reads two capitals as an acronym and makes
    /// `JD` or `JD Vance` an organisation, or leaves the surname untagged. Initials tagged as
    /// another type, then a known surname (in the mention, untagged, or a person
    /// right after it), become one person.
    func joinInitials(_ mentions: [NERTagger.Mention], text: AnalyzedText, gazetteer: Gazetteer) -> [NERTagger.Mention] {
        var out: [NERTagger.Mention] = []
        var k = 0
        while k < mentions.count {
            let m = mentions[k]
            k += 1
            let i = m.tokens.lowerBound
            let next = i + 1
            guard m.kind != .person, m.tokens.count <= 2, next < text.tokens.count, isInitials(i, text: text),
                  text.tokens[next].kind == .word,
                  text.scalars[text.tokens[next].range].dropFirst().contains(where: { $0.properties.isLowercase }),
                  gazetteer.contains(next..<(next + 1), of: text, in: .surname) else {
                out.append(m)
                continue
            }
            if m.tokens.count == 1, k < mentions.count, mentions[k].tokens.lowerBound == next {
                // The surname is a mention of its own: a person's takes the initials, another's stays apart.
                guard mentions[k].kind == .person else { out.append(m); continue }
                out.append(NERTagger.Mention(tokens: i..<mentions[k].tokens.upperBound, kind: .person))
                k += 1
                continue
            }
            out.append(NERTagger.Mention(tokens: i..<(next + 1), kind: .person))
        }
        return out
    }

    /// `The` with a capital where a sentence does not start: part of a name.
    private func isCapitalisedThe(_ i: Int, text: AnalyzedText) -> Bool {
        guard text.scalars[text.tokens[i].start] == "T" else { return false }
        var lo = 0
        var hi = text.sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if text.sentences[mid].tokens.upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo < text.sentences.count && text.sentences[lo].tokens.lowerBound != i
    }

    /// A capitalised one-to-three-letter word right before the next token (`JD`, `J.`), not a
    /// place abbreviation (`US`).
    private func isInitials(_ i: Int, text: AnalyzedText) -> Bool {
        let t = text.tokens[i]
        guard t.kind == .word, t.end + 1 == text.tokens[i + 1].start, t.end - t.start <= 3 else { return false }
        let word = text.text(of: t)
        guard word.unicodeScalars.allSatisfy({ TokenFeatures.isUppercase($0) || $0 == "." }) else { return false }
        return EntityLexicon.aliases[EntityResolver.normalise(word)] == nil
    }

    /// Adds untagged occurrences of names tagged elsewhere in the article (same spelling,
    /// capitalised), so one miss does not lose a mention.
    func propagate(_ mentions: [EntityResolver.Mention], text: AnalyzedText) -> [EntityResolver.Mention] {
        guard !mentions.isEmpty else { return mentions }
        var covered = [Bool](repeating: false, count: text.tokens.count)
        for m in mentions { for t in m.tokens { covered[t] = true } }
        var known: [String: [(words: [String], type: EntityType)]] = [:]
        for m in mentions where m.type == .person || m.type == .location || m.type == .organization {
            let words = m.tokens.map { text.text(of: text.tokens[$0]) }
            if words.count == 1, words[0].count < 3 { continue }
            if !(known[words[0]]?.contains { $0.words == words } ?? false) { known[words[0], default: []].append((words, m.type)) }
        }
        var out = mentions
        var i = 0
        while i < text.tokens.count {
            guard !covered[i], text.tokens[i].kind == .word, TokenFeatures.isUppercase(text.scalars[text.tokens[i].start]),
                  let candidates = known[text.text(of: text.tokens[i])] else { i += 1; continue }
            var matched = 0
            var type = EntityType.misc
            for c in candidates where c.words.count > matched && i + c.words.count <= text.tokens.count {
                let ok = (0..<c.words.count).allSatisfy { !covered[i + $0] && text.text(of: text.tokens[i + $0]) == c.words[$0] }
                // The span must not continue into another capitalised word (`Washington Post`).
                let next = i + c.words.count
                let open = next < text.tokens.count && text.tokens[next].kind == .word && text.tokens[next].start == text.tokens[next - 1].end + 1
                    && TokenFeatures.isUppercase(text.scalars[text.tokens[next].start])
                if ok && !open { matched = c.words.count; type = c.type }
            }
            if matched > 0 {
                out.append(EntityResolver.Mention(tokens: i..<(i + matched), type: type))
                i += matched
            } else {
                i += 1
            }
        }
        out.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        return out
    }

    private func tokenRange(of span: Span, in text: AnalyzedText) -> Range<Int>? {
        var lo = 0
        var hi = text.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if text.tokens[mid].start < span.start { lo = mid + 1 } else { hi = mid }
        }
        guard lo < text.tokens.count, text.tokens[lo].start == span.start else { return nil }
        var end = lo
        while end < text.tokens.count, text.tokens[end].end <= span.end { end += 1 }
        return lo..<end
    }
}
