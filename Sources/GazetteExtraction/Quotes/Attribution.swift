/// Who a quotation is attributed to, as written next to it: a name (`said Haley Morris`),
/// a pronoun (`he said`), a speech verb with neither (`a spokesman said`), or a verb whose
/// subject is its clause's (`X compared himself to Y, saying, “`, `X said … and added, “`).
enum Attributed: Equatable {
    case name(String)
    case pronoun(String)
    case anonymous
    case clauseSubject
}

/// Reads the attribution around a quoted segment: after it (`,” he said`, `,” said X`,
/// `,” X, a USDP member, said`, `” according to X`) or before it (`X said: “`,
/// `said X: “`, `According to X, “`).
struct AttributionReader {
    let q: QuoteText

    /// Attribution in the words after a closing mark at token `k`, up to `limit` (exclusive).
    /// `unfinished`: the quote ends in `,` `?` `!`, so what follows is its attribution, and an
    /// unlisted past-tense verb counts as a speech verb (`,” Toomey fumed`, `!” beamed X`).
    func after(from start: Int, limit: Int, unfinished: Bool = false) -> Attributed? {
        var k = start
        var dash = false
        while k < limit, q.tokens[k].kind != .word {
            if q.endsSentence(k) || q.isPunct(k, ":") { return nil }
            if Self.dashes.contains(q.firstScalar(k)) { dash = true }
            k += 1
        }
        guard k < limit else { return nil }
        let w = q.words[k]
        if QuoteLexicon.speechVerbs.contains(w) { return objectOfVerb(k + 1, limit: limit) }
        if w == "according", q.word(k + 1) == "to" { return objectOfVerb(k + 2, limit: limit) }
        if let found = subjectThenVerb(k, limit: limit) { return found }
        if unfinished, let found = unlistedVerb(k, limit: limit) { return found }
        // A signature: `”― Pamela Padilla`.
        if dash, let run = q.runStarting(at: k),
            run.upperBound + 1 >= limit || q.tokens[run.upperBound + 1].kind != .word
        {
            return q.name(run).map(Attributed.name)
        }
        return laterInSentence(k, limit: limit)
    }

    /// `fumed Toomey`, `Toomey fumed`, `he fumed`: a lower-case `-ed` word next to the name.
    func unlistedVerb(_ k: Int, limit: Int) -> Attributed? {
        func pastTense(_ i: Int) -> Bool {
            i < limit && q.tokens[i].kind == .word && !q.isNameWord(i) && q.words[i].count > 3
                && q.words[i].hasSuffix("ed")
        }
        if pastTense(k), k + 1 < limit, let run = q.runStarting(at: k + 1) {
            return q.name(run).map(Attributed.name) ?? .anonymous
        }
        if QuoteLexicon.personPronouns.contains(q.words[k]), pastTense(k + 1) { return .pronoun(q.words[k]) }
        if let run = q.runStarting(at: k), pastTense(run.upperBound + 1) {
            return q.name(run).map(Attributed.name) ?? .anonymous
        }
        return nil
    }

    static let dashes: Set<Unicode.Scalar> = ["\u{2014}", "\u{2013}", "\u{2015}", "-"]

    /// `“…” and against the Brady law, Clinton said.`: a speech verb later in the sentence.
    func laterInSentence(_ k: Int, limit: Int) -> Attributed? {
        var v = k
        while v < min(limit, k + 20) {
            if q.endsSentence(v) || q.isQuoteMark(v) { return nil }
            if QuoteLexicon.speechVerbs.contains(q.words[v]) {
                guard v + 1 >= limit || q.endsSentence(v + 1) || q.isPunct(v + 1, ",") || q.tokens[v + 1].kind == .word
                else { return nil }
                if let subject = subjectBefore(v, floor: k) { return subject }
                if q.isPunct(v - 1, ",") { return objectOfVerb(v + 1, limit: limit) }
                return nil
            }
            v += 1
        }
        return nil
    }

    /// `he said`, `Haley Morris said`, `X, a USDP member, said`, `a White House spokesman said`.
    func subjectThenVerb(_ k: Int, limit: Int) -> Attributed? {
        let w = q.words[k]
        if QuoteLexicon.pronouns.contains(w) {
            return verbFollows(k + 1, limit: limit) != nil ? .pronoun(w) : nil
        }
        if let run = q.runStarting(at: k) {
            var v = run.upperBound + 1
            if q.isPunct(v, "("), let close = (v..<min(limit, v + 8)).first(where: { q.isPunct($0, ")") }) {
                v = close + 1
            }
            if verbFollows(v, limit: limit) != nil { return q.name(run).map(Attributed.name) ?? .anonymous }
            // Apposition: `X, a USDP member, said` / `X, who chairs …, said`.
            if q.isPunct(v, ",") {
                var c = v + 1
                while c < min(limit, v + 20) {
                    if q.isPunct(c, ","), verbFollows(c + 1, limit: limit) != nil {
                        return q.name(run).map(Attributed.name) ?? .anonymous
                    }
                    if q.endsSentence(c) || q.isQuoteMark(c) { break }
                    c += 1
                }
            }
        }
        // A noun phrase: `the White House said`, `a spokesman for the Clinton campaign said`.
        guard ["the", "a", "an", "his", "her", "their", "its", "one", "another"].contains(w) || q.isNameWord(k) else {
            return nil
        }
        var c = k
        var lastName: String?
        while c < min(limit, k + 10) {
            if QuoteLexicon.speechVerbs.contains(q.words[c]) { return lastName.map(Attributed.name) ?? .anonymous }
            if q.tokens[c].kind != .word, !q.isPunct(c, "’"), !q.isPunct(c, "'") { return nil }
            if let run = q.runStarting(at: c) {
                lastName = modifies(run, limit: limit) ? nil : q.name(run)
                c = run.upperBound + 1
                continue
            }
            c += 1
        }
        return nil
    }

    /// The index of a speech verb at `v`, allowing adverbs before it (`he later said`) and a
    /// passive `is quoted as` (`Braynard is quoted as saying`).
    func verbFollows(_ v: Int, limit: Int) -> Int? {
        var c = v
        if ["is", "was"].contains(q.word(c)), q.word(c + 1) == "quoted", q.word(c + 2) == "as" { c += 3 }
        let end = c + 3
        while c < min(limit, end) {
            if QuoteLexicon.speechVerbs.contains(q.words[c]) { return c }
            if !isAdverb(c) { return nil }
            c += 1
        }
        return nil
    }

    /// A word that may stand between a subject and its verb: a listed one (`later`, `has`) or a
    /// lower-case `-ly` adverb (`Trump jokingly said`).
    func isAdverb(_ i: Int) -> Bool {
        guard i >= 0, i < q.tokens.count else { return false }
        let w = q.words[i]
        return QuoteLexicon.adverbs.contains(w)
            || (w.count > 4 && w.hasSuffix("ly") && q.tokens[i].kind == .word && !q.isNameWord(i))
    }

    /// `said Haley Morris`, `said Sanders campaign manager Jeff Weaver`, `said he`,
    /// `said the spokesman`: the last name before a comma, bracket or sentence end.
    func objectOfVerb(_ start: Int, limit: Int) -> Attributed {
        if start < limit, QuoteLexicon.pronouns.contains(q.words[start]) { return .pronoun(q.words[start]) }
        var c = start
        var found: String?
        while c < min(limit, start + 10) {
            if q.tokens[c].kind != .word, !(q.isPunct(c, ".") && c > 0 && q.isTitleAbbreviation(c - 1)) { break }
            if let run = q.runStarting(at: c) {
                if let n = q.name(run), !modifies(run, limit: limit) { found = n }
                c = run.upperBound + 1
                continue
            }
            // Role words may stand between names (`said Sanders campaign manager Jeff Weaver`);
            // a preposition ends the phrase (`said Clinton in a statement on Twitter`).
            if Self.phraseEnders.contains(q.words[c]) { break }
            c += 1
        }
        return found.map(Attributed.name) ?? .anonymous
    }

    /// A name run that describes the noun after it rather than naming the speaker: `the
    /// European cross-country champion`, `a White House spokesman`, `Sanders campaign manager`.
    func modifies(_ run: ClosedRange<Int>, limit: Int) -> Bool {
        let next = run.upperBound + 1
        guard next < limit, q.tokens[next].kind == .word, !q.isNameWord(next) else { return false }
        let w = q.words[next]
        return
            !(Self.phraseEnders.contains(w) || QuoteLexicon.adverbs.contains(w) || QuoteLexicon.speechVerbs.contains(w)
            || w.hasPrefix("’") || w.hasPrefix("'") || QuoteLexicon.notNames.contains(w))
    }

    static let phraseEnders: Set<String> = [
        "in", "on", "at", "during", "after", "before", "when", "to", "from", "while", "as", "with", "of",
        "and", "but", "who", "which", "that", "because", "since", "about", "via", "through", "outside",
    ]

    /// Attribution in the words before an opening mark, from token `floor` up to `end`
    /// (the last token before the mark). `introduces` is true when the words end in `:`/`,`
    /// or the verb itself (`X said “…”`), i.e. the quote is the verb's complement.
    func before(end: Int, floor: Int) -> (Attributed, verb: Int, introduces: Bool)? {
        guard end >= floor, end >= 0 else { return nil }
        var e = end
        var introduces = false
        if q.isPunct(e, ":") || q.isPunct(e, ",") || q.isPunct(e, "—") {
            introduces = true
            e -= 1
        }
        var v = e
        while v >= max(floor, e - 12) {
            let w = q.words[v]
            if w == "according", q.word(v + 1) == "to" {
                return (objectOfVerb(v + 2, limit: end + 1), v, introduces)
            }
            if QuoteLexicon.speechVerbs.contains(w) || QuoteLexicon.namingVerbs.contains(w) {
                if v == e || (v >= e - 2 && introduces) { introduces = true }
                // `…, saying, “…”`: a participle's subject is its clause's.
                if w.hasSuffix("ing") { return (.clauseSubject, v, introduces) }
                return (subjectBefore(v, floor: floor) ?? objectOfVerb(v + 1, limit: end + 1), v, introduces)
            }
            if q.endsSentence(v) || q.isQuoteMark(v) { return nil }
            v -= 1
        }
        return nil
    }

    /// The subject written before the verb at `v`: a pronoun, a name, or a name closed by an
    /// apposition (`Soe Min, a USDP member, said`).
    func subjectBefore(_ v: Int, floor: Int) -> Attributed? {
        var s = v - 1
        while s >= floor, isAdverb(s) { s -= 1 }
        // `X said … and added: “`: the verb shares its subject with the one before.
        if s >= floor, q.words[s] == "and" || q.words[s] == "but" { return .clauseSubject }
        // `X interjected to say:`, `X went on to say`.
        if s >= floor, q.words[s] == "to" {
            s -= 2
            if q.word(s + 1) == "on" { s -= 1 }
            while s >= floor, isAdverb(s) { s -= 1 }
        }
        guard s >= floor else { return nil }
        if QuoteLexicon.pronouns.contains(q.words[s]) { return .pronoun(q.words[s]) }
        if q.isPunct(s, ","), let open = (max(floor, s - 20)..<s).reversed().first(where: { q.isPunct($0, ",") }),
            let run = q.runEnding(at: open - 1)
        {
            return q.name(run).map(Attributed.name)
        }
        if q.isPunct(s, ")"), let open = (max(floor, s - 8)..<s).reversed().first(where: { q.isPunct($0, "(") }) {
            s = open - 1
        }
        if let run = q.runEnding(at: s) {
            // `Anne Thompson of the Hollywood Reporter said`: the person, not the employer.
            var of = run.lowerBound - 1
            if q.word(of) == "the" { of -= 1 }
            if q.word(of) == "of", of - 1 >= floor, let person = q.runEnding(at: of - 1), let n = q.name(person) {
                return .name(n)
            }
            return q.name(run).map(Attributed.name) ?? .anonymous
        }
        // `the White House spokesman said`: the last name in the noun phrase.
        var c = s
        while c >= max(floor, s - 6), q.tokens[c].kind == .word {
            if let run = q.runEnding(at: c), let n = q.name(run) {
                return modifies(run, limit: v) ? .anonymous : .name(n)
            }
            c -= 1
        }
        return nil
    }
}
