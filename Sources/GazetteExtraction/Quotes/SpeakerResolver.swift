/// Turns an attributed name or pronoun into a canonical speaker: the entity whose name or
/// alias it is (`Putin` → `Vladimir Putin`), and for `he`/`she` the person the text is
/// talking about — the subject (first person named) of the nearest sentence before it.
///
/// Uses ``Analysis/entities`` when the entity stage has run; otherwise falls back to
/// capitalised name runs (two or more words, or after a title) found in the text.
struct SpeakerResolver {
    let q: QuoteText
    let entities: [Entity]
    /// Person mentions outside quotations, in text order: start and end offsets, canonical name.
    private(set) var people: [(offset: Int, end: Int, name: String)] = []
    /// Lower-cased surface forms → canonical names.
    private var canonicalByForm: [String: String] = [:]
    /// Lower-cased last words of person names → canonical names.
    private var canonicalBySurname: [String: String] = [:]

    static let organisationWords: Set<String> = [
        "house", "party", "department", "ministry", "committee", "council", "union", "news", "times", "post",
        "university", "court", "bank", "street", "republic", "states", "kingdom", "association", "company",
        "inc", "corp", "group", "agency", "office", "campaign", "senate", "congress", "center", "centre",
        "institute", "foundation", "journal", "press", "network", "administration", "county", "city",
        "service", "commission", "board", "fund", "reserve", "army", "navy", "force", "police", "church",
        "school", "college", "hospital", "club", "team", "league", "nations", "assembly", "parliament",
        "government", "federation", "organization", "organisation", "post", "tribune", "herald", "magazine",
        "review", "capitol", "hall", "square", "airport", "station", "island", "islands", "river", "mountains",
        "democrats", "republicans", "coalition", "alliance", "movement", "front", "media", "cnn", "fox",
        "msnbc", "abc", "nbc", "cbs", "twitter", "facebook", "trust", "council", "daily", "weekly", "radio",
        "television", "tv", "airlines", "motors", "systems", "technologies", "partners", "capital", "holdings",
    ]

    init(q: QuoteText, entities: [Entity], quotes: [QuoteSegmenter.Segment]) {
        self.q = q
        self.entities = entities
        func insideQuote(_ offset: Int) -> Bool {
            var lo = 0
            var hi = quotes.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if quotes[mid].inner.upperBound <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo < quotes.count && quotes[lo].inner.contains(offset)
        }
        if !entities.isEmpty {
            for e in entities {
                for form in [e.name] + e.aliases where canonicalByForm[form.lowercased()] == nil || e.type == .person {
                    // A spelling two entities share is the person's if either is one.
                    canonicalByForm[form.lowercased()] = e.name
                }
                guard e.type == .person else { continue }
                if let last = e.name.split(separator: " ").last { canonicalBySurname[last.lowercased()] = e.name }
                for m in e.mentions where !insideQuote(m.start) { people.append((m.start, m.end, e.name)) }
            }
            people.sort { $0.offset < $1.offset }
            return
        }
        var k = 0
        while k < q.tokens.count {
            guard let run = q.runStarting(at: k) else {
                k += 1
                continue
            }
            defer { k = run.upperBound + 1 }
            guard !insideQuote(q.tokens[k].start), let name = q.name(run) else { continue }
            let parts = name.split(separator: " ")
            let titled = QuoteLexicon.titles.contains(q.words[run.lowerBound]) && q.tokens[run.lowerBound].kind == .word
            let surname = parts.last.map { $0.lowercased() } ?? ""
            if parts.contains(where: { Self.organisationWords.contains($0.lowercased()) }) { continue }
            if parts.count >= 2 && parts.count <= 4 || titled {
                let canonical = parts.count >= 2 ? name : (canonicalBySurname[surname] ?? name)
                if parts.count >= 2, canonicalBySurname[surname] == nil { canonicalBySurname[surname] = name }
                people.append((q.tokens[k].start, q.tokens[run.upperBound].end, canonical))
            } else if let full = canonicalBySurname[surname] {
                people.append((q.tokens[k].start, q.tokens[run.upperBound].end, full))
            }
        }
    }

    /// Registers an explicitly attributed speaker so later surnames resolve to it.
    mutating func learn(_ name: String) {
        let parts = name.split(separator: " ")
        if parts.count >= 2, let last = parts.last, canonicalBySurname[last.lowercased()] == nil {
            canonicalBySurname[last.lowercased()] = name
        }
    }

    /// The canonical name for an attributed name.
    func canonical(_ name: String) -> String {
        let key = name.lowercased()
        if let c = canonicalByForm[key] { return c }
        if let last = key.split(separator: " ").last, let c = canonicalBySurname[String(last)] {
            // `Putin` → `Vladimir Putin`; a different full name with the same surname stays itself.
            if !key.contains(" ") || c.lowercased().hasSuffix(key) || key.hasSuffix(c.lowercased()) { return c }
        }
        return name
    }

    /// The speaker an attributed name stands for: its canonical person, or nil when the name is
    /// not a person's. A body that speaks through a spokesperson is left unattributed rather
    /// than turned into a person: a misquote is worse than no speaker. The tagger's type is
    /// trusted when it says person; otherwise see ``mayBePerson(_:)``.
    func person(_ name: String) -> String? {
        let c = canonical(name)
        guard let entity = entities.first(where: { $0.name == c }) ?? entityByForm(name) else {
            return c.split(separator: " ").contains(where: { Self.organisationWords.contains($0.lowercased()) })
                ? nil : c
        }
        if entity.type == .person { return c }
        // `said Cuban` in an article about Mark Cuban: the person, not the nationality.
        let last = name.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if let person = canonicalBySurname[last] { return person }
        if !name.contains(" "), let longer = longerName(ending: last) { return mayBePerson(longer) }
        return mayBePerson(entity)
    }

    private func entityByForm(_ form: String) -> Entity? {
        guard let c = canonicalByForm[form.lowercased()] else { return nil }
        return entities.first { $0.name == c }
    }

    /// The name a speaker the tagger did not call a person stands for, when it may still be a
    /// person's: never a group or place (`European`, `Newcastle Central`), an acronym (`BT`), a
    /// name with an organisation's word, or one the gazetteer or lexicon lists as an
    /// organisation or place; one word only when it is a known given name or surname or ends
    /// a longer name in the article (`Priebus`, `Reince Priebus` typed as an organisation).
    private func mayBePerson(_ entity: Entity) -> String? {
        guard entity.type != .norp, entity.type != .location, entity.name != entity.name.uppercased() else {
            return nil
        }
        let words = entity.name.split(separator: " ")
        if words.contains(where: { Self.organisationWords.contains($0.lowercased()) }) { return nil }
        guard let span = entity.mentions.first else { return nil }
        let text = q.text
        let first = text.token(atOrAfter: span.start)
        var end = first
        while end < text.tokens.count, text.tokens[end].end <= span.end { end += 1 }
        let tokens = first..<end
        let gazetteer = NERTagger.shared.gazetteer
        if EntityLexicon.organisations.contains(tokens, of: text, in: .organisation)
            || [.organisation, .place, .country, .city, .region].contains(where: {
                gazetteer.contains(tokens, of: text, in: $0)
            })
        {
            return nil
        }
        guard words.count == 1 else { return entity.name }
        if gazetteer.contains(tokens, of: text, in: .surname) || gazetteer.contains(tokens, of: text, in: .givenName) {
            return entity.name
        }
        return longerName(ending: entity.name.lowercased())?.name
    }

    /// A name of two or more words, not a group's or place's, whose last word is `word`.
    private func longerName(ending word: String) -> Entity? {
        entities.first { e in
            e.type != .norp && e.type != .location && e.name.split(separator: " ").count >= 2
                && e.name.split(separator: " ").last.map { $0.lowercased() } == word
        }
    }

    /// A mention followed by `’s` (`Carson’s mangling`) is not the sentence's subject.
    func isPossessive(_ offset: Int) -> Bool {
        let k = q.token(atOrAfter: offset)
        guard let run = q.runStarting(at: k) else { return false }
        let next = q.word(run.upperBound + 1)
        return next == "’s" || next == "'s" || next == "’" || next == "'"
    }

    /// Whether a person mention may be a sentence's subject: not possessive, not followed by an
    /// organisation's word (`The Clinton Foundation describes itself`), not
    /// governed (``isGoverned(_:)``).
    func maySubject(_ mention: (offset: Int, end: Int, name: String)) -> Bool {
        guard !isPossessive(mention.offset), !isGoverned(mention.offset) else { return false }
        guard let run = q.runStarting(at: q.token(atOrAfter: mention.offset)) else { return true }
        return !run.contains { q.tokens[$0].start >= mention.end && Self.organisationWords.contains(q.words[$0]) }
    }

    /// A name after an article or a preposition (`the Sanders interview`, `told Newsmax that
    /// …`, `a visit by Obama`) is no subject either, unless a participle or speech verb follows
    /// a preposition's (`with Donald Trump tweeting`, `footage of Hillary Clinton asking`).
    func isGoverned(_ offset: Int) -> Bool {
        let k = q.token(atOrAfter: offset)
        let before = q.word(k - 1)
        guard Self.governing.contains(before) else { return false }
        guard before != "the", before != "a", before != "an", let run = q.runStarting(at: k) else { return true }
        var next = run.upperBound + 1
        while next < q.tokens.count, q.tokens[next].kind == .word, q.words[next].hasSuffix("ly"), !q.isNameWord(next) {
            next += 1
        }
        let w = q.word(next)
        return !(w.hasSuffix("ing") || QuoteLexicon.speechVerbs.contains(w))
    }

    static let governing: Set<String> = [
        "the", "a", "an", "to", "with", "by", "for", "of", "from", "about", "against", "at", "on", "in", "into",
        "than", "between", "toward", "towards", "like", "over", "under",
    ]

    /// The person a `he`/`she` at `offset` most likely refers to: the subject (first person
    /// named that ``maySubject(_:)``) of the nearest sentence
    /// before it that names one, looking back five sentences; a sentence whose subject is itself
    /// `he`/`she` keeps the same referent and is not counted. Nil when none is found, and when
    /// that sentence's subject is a person's thing (`Mr Campbell's e-mail … suggested they get
    /// Trevor Beattie …. In it, he said`): the pronoun is more likely the owner's than the
    /// object's, and a misquote is worse than no speaker.
    func resolvePronoun(at offset: Int) -> String? {
        let sentences = q.text.sentences
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        var s = min(lo, sentences.count - 1)
        var looked = 0
        while s >= 0, looked < 5 {
            let sentence = sentences[s]
            let named = people.filter { $0.offset >= sentence.start && $0.offset < min(sentence.end, offset) }
            if let first = named.first(where: maySubject) {
                if let owner = named.first, owner.offset < first.offset, isPossessive(owner.offset),
                    startsSentence(owner.offset, sentence), !ownsRole(owner.offset)
                {
                    return nil
                }
                return first.name
            }
            let opening = q.token(atOrAfter: sentence.start)
            if !(opening < q.tokens.count && QuoteLexicon.personPronouns.contains(q.words[opening])) { looked += 1 }
            s -= 1
        }
        return nil
    }

    /// Whether a mention opens its sentence (after at most an opening quotation mark and titles).
    private func startsSentence(_ offset: Int, _ sentence: Sentence) -> Bool {
        var k = q.token(atOrAfter: sentence.start)
        while k < q.tokens.count, q.tokens[k].kind != .word { k += 1 }
        while k < q.tokens.count, q.tokens[k].start != offset,
            QuoteLexicon.titles.contains(q.words[k]) || q.isPunct(k, ".")
        { k += 1 }
        return k < q.tokens.count && q.tokens[k].start == offset
    }

    /// `Trump's lawyer, Michael Cohen, said`: the possessive names whose person the
    /// apposition is, so the name after it is the subject.
    private func ownsRole(_ offset: Int) -> Bool {
        let k = q.token(atOrAfter: offset)
        guard let run = q.runStarting(at: k) else { return false }
        var c = run.upperBound + 2
        while c < min(q.tokens.count, run.upperBound + 6), q.tokens[c].kind == .word {
            if QuoteLexicon.titles.contains(q.words[c]) || EntityLexicon.roleHeads.contains(q.words[c]) { return true }
            c += 1
        }
        return false
    }
}
