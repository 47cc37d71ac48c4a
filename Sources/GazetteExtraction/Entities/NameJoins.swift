/// Mends names the tagger split or mistyped, on its raw mentions (in order, token ranges of
/// the ``AnalyzedText``), before ``EntityStage`` cleans them.
enum NameJoins {
    /// All the mends, in order: split types, particles, regnal numbers, initials, known
    /// organisations, then names cut short.
    static func apply(_ mentions: [NERTagger.Mention], text: AnalyzedText, gazetteer: Gazetteer) -> [NERTagger.Mention]
    {
        let joined = regnalNumbers(
            particles(splitTypes(mentions, text: text, gazetteer: gazetteer), text: text), text: text)
        let known = listed(
            organisations(initials(joined, text: text, gazetteer: gazetteer), text: text, gazetteer: gazetteer),
            text: text)
        return cutShort(known, text: text, gazetteer: gazetteer)
    }

    /// `Sybari Software`, `Booker Prize`, `Media Player`: the tagger took the first word of a
    /// longer name and, with nothing else to go on, called it a person or a place. A one-word
    /// person or place followed, one space on, by untagged capitalised words (not all
    /// capitals, not a given name, surname or calendar word) is that longer name: an
    /// organisation when its last word is an organisation's (`Software`, `Association`), else
    /// MISC.
    static func cutShort(
        _ mentions: [NERTagger.Mention], text: AnalyzedText, gazetteer: Gazetteer
    ) -> [NERTagger.Mention] {
        var out = mentions
        for k in out.indices where out[k].tokens.count == 1 && (out[k].kind == .person || out[k].kind == .location) {
            let limit = k + 1 < out.count ? out[k + 1].tokens.lowerBound : text.tokens.count
            let sentenceEnd = text.sentences[text.sentenceIndex(ofToken: out[k].tokens.lowerBound) ?? 0].tokens
                .upperBound
            var end = out[k].tokens.upperBound
            while end < min(limit, sentenceEnd), continuesName(end, text: text, gazetteer: gazetteer) { end += 1 }
            guard end > out[k].tokens.upperBound else { continue }
            let last = (end - 1)..<end
            let kind: NERTagger.Mention.Kind =
                gazetteer.contains(last, of: text, in: .orgSuffix) ? .organization : .misc
            out[k] = NERTagger.Mention(tokens: out[k].tokens.lowerBound..<end, kind: kind)
        }
        return out
    }

    /// Whether token `i` is a title-case word one space after the last that no list knows as a
    /// person's or a date's.
    private static func continuesName(_ i: Int, text: AnalyzedText, gazetteer: Gazetteer) -> Bool {
        let word = text.scalars[text.tokens[i].range]
        guard text.tokens[i].kind == .word, text.followsOneSpace(i), text.isCapitalised(i),
            word.dropFirst().contains(where: { $0.properties.isLowercase }), !isPronounI(i, text: text)
        else { return false }
        let one = i..<(i + 1)
        return !gazetteer.contains(one, of: text, in: .givenName) && !gazetteer.contains(one, of: text, in: .surname)
            && !EntityLexicon.calendarWords.contains(EntityResolver.fold(token: i, of: text))
            && !EntityLexicon.neverAlone.contains(EntityResolver.fold(token: i, of: text))
    }

    /// `John Paul II`, `Charles III`, `Elizabeth I`: a Roman numeral after a person's name is part of it.
    static func regnalNumbers(_ mentions: [NERTagger.Mention], text: AnalyzedText) -> [NERTagger.Mention] {
        mentions.enumerated().map { k, m in
            let next = m.tokens.upperBound
            guard m.kind == .person, next < text.tokens.count,
                k + 1 == mentions.count || mentions[k + 1].tokens.lowerBound > next,
                text.followsOneSpace(next), isRomanNumeral(text.scalars[text.tokens[next].range]),
                !isPronounI(next, text: text)
            else { return m }
            return NERTagger.Mention(tokens: m.tokens.lowerBound..<(next + 1), kind: .person)
        }
    }

    /// `I` before a word other than `of` (`told John I will`), not `Charles I,` or `Pedro I of`.
    static func isPronounI(_ i: Int, text: AnalyzedText) -> Bool {
        guard text.tokens[i].end - text.tokens[i].start == 1, text.scalars[text.tokens[i].start] == "I",
            i + 1 < text.tokens.count, text.tokens[i + 1].kind == .word
        else { return false }
        return text.words[i + 1] != "of" && text.words[i + 1] != "'s"
    }

    /// `I` to `XXXIX`.
    static func isRomanNumeral(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !s.isEmpty, s.count <= 7, s.allSatisfy({ $0 == "I" || $0 == "V" || $0 == "X" }) else { return false }
        // Tens, then units: X{0,3}(IX|IV|V?I{0,3}).
        var rest = s[...]
        var tens = 0
        while rest.first == "X", tens < 3 {
            rest = rest.dropFirst()
            tens += 1
        }
        let units = String(String.UnicodeScalarView(rest))
        return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"].contains(units)
    }

    /// `Oxfam`, `Human Rights Watch said`: a name of ``EntityLexicon/organisations`` the tagger
    /// missed altogether is an organisation where it is capitalised, except a one-word name
    /// at a sentence start (`Amnesty was granted`).
    static func listed(_ mentions: [NERTagger.Mention], text: AnalyzedText) -> [NERTagger.Mention] {
        var out: [NERTagger.Mention] = []
        var next = 0  // the first mention not yet copied
        for sentence in text.sentences.lazy.map(\.tokens) {
            // A mention may run past the sentence's end (`Jane Smith` at a headline's end).
            var i = max(sentence.lowerBound, out.last?.tokens.upperBound ?? 0)
            while i < sentence.upperBound {
                while next < mentions.count, mentions[next].tokens.lowerBound <= i {
                    out.append(mentions[next])
                    i = max(i, mentions[next].tokens.upperBound)
                    next += 1
                }
                guard i < sentence.upperBound else { break }
                let limit = min(
                    sentence.upperBound, next < mentions.count ? mentions[next].tokens.lowerBound : sentence.upperBound)
                let len =
                    text.tokens[i].kind == .word && text.isCapitalised(i)
                    ? EntityLexicon.organisations.longestPhrase(at: i, before: limit, of: text, in: .organisation) : 0
                if len > 1 || (len == 1 && i != sentence.lowerBound) {
                    out.append(NERTagger.Mention(tokens: i..<(i + len), kind: .organization))
                    i += len
                } else {
                    i += 1
                }
            }
        }
        out.append(contentsOf: mentions[next...])
        return out
    }

    /// `Human Rights Watch`, `Goldman Sachs`, `Home Office`: a known organisation's name of two
    /// or more words that the tagger cut into pieces (nothing reaching out of the name) becomes
    /// one organisation:
    /// - a name of ``EntityLexicon/organisations``, whatever the pieces (`Islamic` `State`);
    /// - a gazetteer organisation when a piece is an organisation or, where the name is no
    ///   person's (``isOrganisationName(_:text:gazetteer:)``), a person. A name the tagger
    ///   tagged whole as a place or something else stays so (`Downing Street`, `Six Nations`:
    ///   the gazetteer's organisation is often a metonym), as do names the gazetteer also lists
    ///   as people or places.
    static func organisations(
        _ mentions: [NERTagger.Mention], text: AnalyzedText, gazetteer: Gazetteer
    ) -> [NERTagger.Mention] {
        guard !mentions.isEmpty else { return mentions }
        var out: [NERTagger.Mention] = []
        var k = 0
        while k < mentions.count {
            let first = mentions[k]
            // The phrase may start at this mention or a few words before it (`Human Rights` untagged).
            var matched: (range: Range<Int>, count: Int)?
            let sentence = text.sentences[text.sentenceIndex(ofToken: first.tokens.lowerBound) ?? 0].tokens
            for start in stride(
                from: first.tokens.lowerBound, through: max(sentence.lowerBound, first.tokens.lowerBound - 3), by: -1)
            {
                if let o = out.last, start < o.tokens.upperBound { break }
                guard text.tokens[start].kind == .word, text.isCapitalised(start) else { continue }
                let listed = EntityLexicon.organisations.longestPhrase(
                    at: start, before: sentence.upperBound, of: text, in: .organisation)
                let len = max(
                    listed, gazetteer.longestPhrase(at: start, before: sentence.upperBound, of: text, in: .organisation)
                )
                guard len >= 2, start + len > first.tokens.lowerBound, start + len >= first.tokens.upperBound else {
                    continue
                }
                let range = start..<(start + len)
                var count = 0
                while k + count < mentions.count, mentions[k + count].tokens.lowerBound < range.upperBound {
                    count += 1
                }
                let pieces = mentions[k..<(k + count)]
                guard pieces.last!.tokens.upperBound <= range.upperBound else { continue }
                if listed < len {
                    if gazetteer.contains(range, of: text, in: .person)
                        || gazetteer.contains(range, of: text, in: .place)
                    {
                        continue
                    }
                    guard
                        pieces.contains(where: { $0.kind == .organization && $0.tokens != range })
                            || (pieces.contains { $0.kind == .person }
                                && isOrganisationName(range, text: text, gazetteer: gazetteer))
                    else { continue }
                }
                if matched == nil || range.count > matched!.range.count { matched = (range, count) }
            }
            if let (range, count) = matched {
                out.append(NERTagger.Mention(tokens: range, kind: .organization))
                k += count
            } else {
                out.append(first)
                k += 1
            }
        }
        return out
    }

    /// Whether `tokens` name an organisation rather than a person: a name of
    /// ``EntityLexicon/organisations`` (`Fannie Mae`), or a gazetteer organisation that is not
    /// also a gazetteer person and does not start with a given name or surname (`Goldman
    /// Sachs`, `BMW`; not `Ralph Lauren`).
    static func isOrganisationName(_ tokens: Range<Int>, text: AnalyzedText, gazetteer: Gazetteer) -> Bool {
        if EntityLexicon.organisations.contains(tokens, of: text, in: .organisation) { return true }
        let first = tokens.lowerBound..<(tokens.lowerBound + 1)
        return gazetteer.contains(tokens, of: text, in: .organisation)
            && !gazetteer.contains(tokens, of: text, in: .person)
            && !gazetteer.contains(first, of: text, in: .givenName)
            && !gazetteer.contains(first, of: text, in: .surname)
    }

    /// `Manchester United`, `El Al`, `Dynamo Moscow`, `Hong Kong Open`: one name whose words the
    /// tagger gave two types. Two names side by side, one space apart, are rare in the training
    /// data (38 in 8,585 sentences) unless the first is MISC, which often sits before a name
    /// (`Swede Kennet Andersson`, 70), so those stay apart, as does a full person's name after
    /// another name (`Conservative Michael Fallon`). The joined name is MISC when its last part
    /// is (`Open`, `Cup`); a person when one part is and it starts with a given name (`Chris`
    /// `Gent`); else an organisation when one part is; else of its longer part's type, or its
    /// last part's when they are as long. Names on two lines are never joined.
    static func splitTypes(
        _ mentions: [NERTagger.Mention], text: AnalyzedText, gazetteer: Gazetteer
    ) -> [NERTagger.Mention] {
        var out: [NERTagger.Mention] = []
        for m in mentions {
            if let last = out.last, last.tokens.upperBound == m.tokens.lowerBound, last.kind != m.kind,
                last.kind != .misc, !(m.kind == .person && m.tokens.count > 1),
                text.followsOneSpace(m.tokens.lowerBound)
            {
                let kind: NERTagger.Mention.Kind
                let first = last.tokens.lowerBound
                if m.kind == .misc {
                    kind = .misc
                } else if last.kind == .person || m.kind == .person,
                    gazetteer.contains(first..<(first + 1), of: text, in: .givenName)
                {
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
    static func particles(_ mentions: [NERTagger.Mention], text: AnalyzedText) -> [NERTagger.Mention] {
        var out: [NERTagger.Mention] = []
        var k = 0
        while k < mentions.count {
            var m = mentions[k]
            k += 1
            while m.kind == .person {
                let particle = m.tokens.upperBound
                let next = particle + 1
                guard next < text.tokens.count, EntityLexicon.nameParticles.contains(text.words[particle]),
                    text.followsOneSpace(particle), text.followsOneSpace(next),
                    text.tokens[next].kind == .word, text.isCapitalised(next)
                else { break }
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
    static func initials(
        _ mentions: [NERTagger.Mention], text: AnalyzedText, gazetteer: Gazetteer
    ) -> [NERTagger.Mention] {
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
                gazetteer.contains(next..<(next + 1), of: text, in: .surname)
            else {
                out.append(m)
                continue
            }
            if m.tokens.count == 1, k < mentions.count, mentions[k].tokens.lowerBound == next {
                // The surname is a mention of its own: a person's takes the initials, another's stays apart.
                guard mentions[k].kind == .person else {
                    out.append(m)
                    continue
                }
                out.append(NERTagger.Mention(tokens: i..<mentions[k].tokens.upperBound, kind: .person))
                k += 1
                continue
            }
            out.append(NERTagger.Mention(tokens: i..<(next + 1), kind: .person))
        }
        return out
    }

    /// A capitalised one-to-three-letter word one space before the next token (`JD`, `J.`), not a
    /// place abbreviation (`US`).
    static func isInitials(_ i: Int, text: AnalyzedText) -> Bool {
        let t = text.tokens[i]
        guard t.kind == .word, text.followsOneSpace(i + 1), t.end - t.start <= 3 else { return false }
        let word = text.text(of: t)
        guard word.unicodeScalars.allSatisfy({ TokenFeatures.isUppercase($0) || $0 == "." }) else { return false }
        return EntityLexicon.aliases[EntityResolver.normalise(word)] == nil
    }
}
