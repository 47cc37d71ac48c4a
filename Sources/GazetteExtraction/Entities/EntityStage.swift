/// The named-entity stage: tags mentions with the shipped ``NERTagger``, mends names it split
/// (``NameJoins``), drops function words, makes mentions of a name consistent across the
/// article, then resolves entities and roles.
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
        for m in NameJoins.apply(tagger.mentions(in: text), text: text, gazetteer: tagger.gazetteer) {
            guard var clean = clean(m, text: text, gazetteer: tagger.gazetteer) else { continue }
            // Cleaning can widen a mention into the one before (`J.` taken back into a name).
            if let last = mentions.last, clean.tokens.lowerBound < last.tokens.upperBound {
                guard clean.tokens.upperBound > last.tokens.upperBound else { continue }
                clean.tokens = last.tokens.upperBound..<clean.tokens.upperBound
            }
            mentions.append(clean)
        }
        mentions = propagate(storms(titledPeople(mentions, text: text), text: text), text: text)
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
    /// types what is left (``type(of:taggedAs:text:gazetteer:)``).
    func clean(_ m: NERTagger.Mention, text: AnalyzedText, gazetteer: Gazetteer) -> EntityResolver.Mention? {
        var lo = m.tokens.lowerBound
        var hi = m.tokens.upperBound
        func lower(_ i: Int) -> String { EntityResolver.fold(token: i, of: text) }
        // A number ends a name only after a word and never a person's (`Euro 96`, `Apollo 13`,
        // but `Sampras 6`), punctuation never.
        while hi > lo,
            (text.tokens[hi - 1].kind != .word
                && !(text.tokens[hi - 1].kind == .number && hi - lo > 1 && m.kind != .person)) || lower(hi - 1) == "'s"
        { hi -= 1 }
        // `the` stays only capitalised inside a sentence (`The Hague`, `The Oval`).
        while hi - lo > 1,
            (lower(lo) == "the" && !text.isCapitalisedInside(lo))
                || (m.kind == .person
                    && EntityLexicon.titles.contains(
                        EntityResolver.fold(text.scalars[text.tokens[lo].range], dropPeriods: true)))
        {
            lo += 1
        }
        while lo < hi, text.tokens[lo].kind == .punctuation { lo += 1 }
        // Days and months glued to a name (`Waziristan Sunday`, `Tuesday Putin`).
        while hi - lo > 1, EntityLexicon.calendarWords.contains(lower(hi - 1)) { hi -= 1 }
        while hi - lo > 1, EntityLexicon.calendarWords.contains(lower(lo)) { lo += 1 }
        // Never a trailing lower-case word (`Georgios Varouxakis disagrees`) or a leading
        // function word (`Hugging Zelenskyy`).
        while hi - lo > 1, text.scalars[text.tokens[hi - 1].start].properties.isLowercase,
            !text.scalars[text.tokens[hi - 1].range].contains(where: { TokenFeatures.isUppercase($0) })
        { hi -= 1 }
        while hi - lo > 1, EntityLexicon.neverAlone.contains(lower(lo)),
            !(EntityLexicon.nameStarts.contains(lower(lo)) && text.isCapitalisedInside(lo))
        { lo += 1 }
        guard lo < hi else { return nil }
        // Leading initials the tagger left out (`JD Vance`, `J. Smith`).
        while m.kind == .person, lo > 0, lo == m.tokens.lowerBound, NameJoins.isInitials(lo - 1, text: text) { lo -= 1 }
        if hi - lo == 1, EntityLexicon.neverAlone.contains(lower(lo)) { return nil }
        // A name starts with a capital or digit, or has one after a lower-case particle (`al-Qaida`).
        guard
            text.scalars[text.tokens[lo].range].contains(where: { TokenFeatures.isUppercase($0) })
                || Tokenizer.isDigit(text.scalars[text.tokens[lo].start])
        else { return nil }
        // The first half of a hyphenated modifier is not a mention of the name (`U.S.-led`).
        if hi + 1 < text.tokens.count, text.scalars[text.tokens[hi].start] == "-",
            text.tokens[hi].start == text.tokens[hi - 1].end,
            text.tokens[hi + 1].start == text.tokens[hi].end,
            text.scalars[text.tokens[hi + 1].start].properties.isLowercase
        {
            return nil
        }
        if hi - lo == 1, isModifier(lo, text: text, gazetteer: gazetteer) { return nil }
        return EntityResolver.Mention(
            tokens: lo..<hi, type: type(of: lo..<hi, taggedAs: m.kind, text: text, gazetteer: gazetteer))
    }

    /// One hyphenated word that uses names rather than being one: `London-based`, `pro-Russian`,
    /// `US-Russia` (two places; but `Guinea-Bissau` and `Austria-Hungary` are one).
    private func isModifier(_ i: Int, text: AnalyzedText, gazetteer: Gazetteer) -> Bool {
        let range = text.tokens[i].range
        func isHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2010}" || c == "\u{2011}" }
        guard text.scalars[range].contains(where: isHyphen) else { return false }
        let parts = text.scalars[range].split(omittingEmptySubsequences: false, whereSeparator: isHyphen)
        guard parts.count >= 2, !parts[0].isEmpty else { return false }
        // A prefix as written in lower case (`pro-Russian`, not `Mid-Wales` or `Pan-Am`).
        if parts[0].first!.properties.isLowercase,
            EntityLexicon.modifierPrefixes.contains(EntityResolver.fold(parts[0]))
        {
            return true
        }
        if EntityLexicon.modifierSuffixes.contains(EntityResolver.fold(parts[parts.count - 1])) { return true }
        let places: UInt16 =
            Gazetteer.List.country.bit | Gazetteer.List.city.bit | Gazetteer.List.region.bit | Gazetteer.List.place.bit
        guard gazetteer.lists(ofPhrase: CollectionOfOne(TokenFeatures.lowerHash(text.scalars, range))) & places == 0
        else { return false }
        return parts.allSatisfy { part in
            EntityLexicon.aliases[EntityResolver.fold(part, dropPeriods: true)] != nil
                || gazetteer.lists(ofPhrase: CollectionOfOne(TokenFeatures.lowerHash(text.scalars, part.indices)))
                    & places != 0
        }
    }

    /// The entity type of a cleaned mention: the tagger's class, corrected where the words say
    /// otherwise. Faiths, peoples and continents' adjectives are groups whatever the tagger made
    /// of them (`Muslims`, `Sunni Muslims`, `Kurds`, `European`). A nationality, a word with a
    /// digit (`MP3s`) or an organisation's name (``NameJoins/isOrganisationName(_:text:gazetteer:)``:
    /// `BMW`, `Fannie Mae`) is not a person; a nationality can be a place or an organisation
    /// (`Czech` for the Czech Republic, `American` for American Airlines).
    /// A name ``EntityLexicon/organisations`` lists is one whatever the tagger said (`al-Qaeda`
    /// as a place; `Taliban` as MISC, as the 1996 training data calls the Taleban).
    private func type(
        of tokens: Range<Int>, taggedAs kind: NERTagger.Mention.Kind, text: AnalyzedText, gazetteer: Gazetteer
    ) -> EntityType {
        if tokens.allSatisfy({ isWord($0, of: text, in: EntityLexicon.groups) }) { return .norp }
        if EntityLexicon.organisations.contains(tokens, of: text, in: .organisation) { return .organization }
        switch kind {
        case .person:
            if gazetteer.contains(tokens, of: text, in: .demonym) { return .norp }
            if tokens.contains(where: { text.scalars[text.tokens[$0].range].contains(where: Tokenizer.isDigit) }) {
                return .misc
            }
            if isCountrysCompany(tokens, text: text, gazetteer: gazetteer) { return .organization }
            return NameJoins.isOrganisationName(tokens, text: text, gazetteer: gazetteer) ? .organization : .person
        case .location: return .location
        case .organization: return .organization
        case .misc: return gazetteer.contains(tokens, of: text, in: .demonym) ? .norp : .misc
        }
    }

    /// `France's Peugeot`: one word no list knows as a person's, after a country's possessive,
    /// is a company (people are introduced with a full name: `Britain's Paula Radcliffe`).
    private func isCountrysCompany(_ tokens: Range<Int>, text: AnalyzedText, gazetteer: Gazetteer) -> Bool {
        let i = tokens.lowerBound
        guard tokens.count == 1, i >= 1 else { return false }
        // `France's` is one token, or `France` `'s`.
        let previous = text.tokens[i - 1].range
        let stem: Range<Int>
        if previous.count > 2, ["'", "’"].contains(text.scalars[previous.upperBound - 2]),
            text.scalars[previous.upperBound - 1] == "s"
        {
            stem = previous.lowerBound..<(previous.upperBound - 2)
        } else if i >= 2, text.words[i - 1] == "'s" || text.words[i - 1] == "’s" {
            stem = text.tokens[i - 2].range
        } else {
            return false
        }
        guard
            gazetteer.lists(ofPhrase: CollectionOfOne(TokenFeatures.lowerHash(text.scalars, stem)))
                & Gazetteer.List.country.bit != 0
        else { return false }
        return !gazetteer.contains(tokens, of: text, in: .givenName)
            && !gazetteer.contains(tokens, of: text, in: .surname)
            && !gazetteer.contains(tokens, of: text, in: .person)
    }

    /// `Mr. Obama` tagged as a place (Obama is a city in Japan): a name one space after a title
    /// only a person has (`Mr`, `Dr.`) is a person.
    func titledPeople(_ mentions: [EntityResolver.Mention], text: AnalyzedText) -> [EntityResolver.Mention] {
        var out = mentions
        for k in out.indices where out[k].type != .person {
            let i = out[k].tokens.lowerBound
            guard text.followsOneSpace(i) else { continue }
            // The tokenizer splits `Mr.` into `Mr` `.`.
            var t = i - 1
            if t > 0, text.scalars[text.tokens[t].start] == ".", text.tokens[t].start == text.tokens[t - 1].end {
                t -= 1
            }
            // Written as a title, not `DR Congo`.
            let title = text.scalars[text.tokens[t].range]
            guard title.count >= 2, TokenFeatures.isUppercase(title[title.startIndex]),
                title[title.startIndex + 1].properties.isLowercase
            else { continue }
            if EntityLexicon.personalTitles.contains(EntityResolver.fold(title)) { out[k].type = .person }
        }
        return out
    }

    /// `Hurricane Katrina`, `Typhoon Haiyan`: a one-word name one space after a storm word is an
    /// event (not `Storm Prediction Center`, an organisation), and so are the tagger's other
    /// mentions of the name alone (`Katrina`, which the tagger makes a person).
    func storms(_ mentions: [EntityResolver.Mention], text: AnalyzedText) -> [EntityResolver.Mention] {
        var names: Set<String> = []
        var out = mentions
        for k in out.indices {
            let i = out[k].tokens.lowerBound
            guard out[k].type != .organization else { continue }
            if out[k].tokens.count == 2, isWord(i, of: text, in: EntityLexicon.stormWords), text.isCapitalised(i),
                text.followsOneSpace(i + 1)
            {
                out[k].type = .event  // the tagger took the storm word in
                names.insert(words(out[k].tokens.dropFirst(), text: text))
            } else if out[k].tokens.count == 1, i > 0, isWord(i - 1, of: text, in: EntityLexicon.stormWords),
                text.isCapitalised(i - 1),
                text.followsOneSpace(i), k == 0 || out[k - 1].tokens.upperBound < i
            {
                out[k] = EntityResolver.Mention(tokens: (i - 1)..<out[k].tokens.upperBound, type: .event)
                names.insert(words(out[k].tokens.dropFirst(), text: text))
            }
        }
        guard !names.isEmpty else { return mentions }
        for k in out.indices where out[k].type != .event && names.contains(words(out[k].tokens, text: text)) {
            out[k].type = .event
        }
        return out
    }

    private func words(_ tokens: some Sequence<Int>, text: AnalyzedText) -> String {
        tokens.map { text.words[$0] }.joined(separator: " ")
    }

    /// Whether token `i`, lower-cased, is a key of `table`.
    private func isWord(_ i: Int, of text: AnalyzedText, in table: WordTable<Bool>) -> Bool {
        table.contains(EntityResolver.fold(token: i, of: text), packed: text.packedWords[i])
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
            if !(known[words[0]]?.contains { $0.words == words } ?? false) {
                known[words[0], default: []].append((words, m.type))
            }
        }
        var out = mentions
        var i = 0
        while i < text.tokens.count {
            guard !covered[i], text.tokens[i].kind == .word, text.isCapitalised(i),
                let candidates = known[text.text(of: text.tokens[i])]
            else {
                i += 1
                continue
            }
            var matched = 0
            var type = EntityType.misc
            for c in candidates where c.words.count > matched && i + c.words.count <= text.tokens.count {
                let ok = (0..<c.words.count).allSatisfy {
                    !covered[i + $0] && text.text(of: text.tokens[i + $0]) == c.words[$0]
                }
                // The span must not continue into another capitalised word (`Washington Post`).
                let next = i + c.words.count
                let open =
                    next < text.tokens.count && text.tokens[next].kind == .word
                    && text.tokens[next].start == text.tokens[next - 1].end + 1
                    && text.isCapitalised(next)
                if ok && !open {
                    matched = c.words.count
                    type = c.type
                }
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
        let lo = text.token(atOrAfter: span.start)
        guard lo < text.tokens.count, text.tokens[lo].start == span.start else { return nil }
        var end = lo
        while end < text.tokens.count, text.tokens[end].end <= span.end { end += 1 }
        return lo..<end
    }
}
