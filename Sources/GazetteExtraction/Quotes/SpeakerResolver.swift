/// Turns an attributed name or pronoun into a canonical speaker: the entity whose name or
/// alias it is (`Putin` → `Vladimir Putin`), and for `he`/`she` the person the text is
/// talking about — the subject (first person named) of the nearest sentence before it.
///
/// Uses ``Analysis/entities`` when the entity stage has run; otherwise falls back to
/// capitalised name runs (two or more words, or after a title) found in the text.
struct SpeakerResolver {
    let q: QuoteText
    let entities: [Entity]
    /// Person mentions outside quotations, in text order: offset and canonical name.
    private(set) var people: [(offset: Int, name: String)] = []
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
                for m in e.mentions where !insideQuote(m.start) { people.append((m.start, e.name)) }
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
                people.append((q.tokens[k].start, canonical))
            } else if let full = canonicalBySurname[surname] {
                people.append((q.tokens[k].start, full))
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

    /// The person a `he`/`she` at `offset` most likely refers to: the first person named in
    /// the nearest sentence (up to four back) before it; nil when none is found.
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
            let first = people.first {
                $0.offset >= sentence.start && $0.offset < min(sentence.end, offset) && !isPossessive($0.offset)
            }
            if let first { return first.name }
            s -= 1
            looked += 1
        }
        return people.last { $0.offset < offset }?.name
    }
}
