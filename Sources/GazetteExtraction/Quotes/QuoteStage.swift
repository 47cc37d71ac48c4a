/// Finds quotations and who said them, and tells direct speech from partial quotes
/// (`what X calls “…”`) and scare quotes (`so-called “coalition of the willing”`).
///
/// A quote is direct when an attribution stands next to it (`“…,” he said`, `X said: “…”`),
/// when it continues an attributed quote (`“A,” he said. “B.”`), or when it opens a sentence
/// as a full utterance, which news writing attributes to the last speaker. A quote inside a
/// sentence is partial when a speech or naming verb governs it, and scare quotes when it is
/// a short term with none.
public struct QuoteStage: AnalysisStage {
    public init() {}

    public func run(_ analysis: inout Analysis) {
        var finder = QuoteFinder(text: analysis.text, entities: analysis.entities)
        analysis.quotes = finder.find()
    }
}

/// One pass over an article's quotations; see ``QuoteStage``.
struct QuoteFinder {
    let q: QuoteText
    let segments: [QuoteSegmenter.Segment]
    var resolver: SpeakerResolver
    let reader: AttributionReader

    init(text: AnalyzedText, entities: [Entity]) {
        let q = QuoteText(text)
        self.q = q
        let segments = QuoteSegmenter.segments(text.scalars)
        self.segments = segments
        self.resolver = SpeakerResolver(q: q, entities: entities, quotes: segments)
        self.reader = AttributionReader(q: q)
    }

    /// Paragraph index of an offset.
    func paragraph(of offset: Int) -> Int {
        let paragraphs = q.text.paragraphs
        var lo = 0
        var hi = paragraphs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paragraphs[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Tokens of the paragraph a quote opens in, through the paragraph it closes in.
    func paragraphTokens(_ index: Int, closing: Int) -> Range<Int> {
        let paragraphs = q.text.paragraphs
        guard index < paragraphs.count else { return 0..<q.tokens.count }
        let last = paragraph(of: closing)
        let end = last < paragraphs.count ? paragraphs[last].end : paragraphs[index].end
        return q.token(atOrAfter: paragraphs[index].start)..<q.token(atOrAfter: end)
    }

    mutating func find() -> [Quote] {
        var out: [Quote] = []
        var lastSpeaker: LastSpeaker?
        for (index, g) in segments.enumerated() {
            let afterClose = q.token(atOrAfter: g.close + 1)
            let beforeOpen = q.token(endingBy: g.open)
            let nextOpen = index + 1 < segments.count ? q.token(atOrAfter: segments[index + 1].open) : q.tokens.count
            let previousClose = index > 0 ? q.token(atOrAfter: segments[index - 1].close + 1) : 0
            let paragraph = paragraph(of: g.open)
            let bounds = paragraphTokens(paragraph, closing: g.close)
            let limit = min(nextOpen, afterClose + 30, bounds.upperBound)
            // A paragraph that ends in `:` introduces the quote that opens the next (`Trump
            // tweeted:` ¶ `“…”`): its words are the quote's attribution.
            let introduced = g.startsLine && paragraph > 0 && q.isPunct(beforeOpen, ":")
            let start = introduced ? paragraphTokens(paragraph - 1, closing: g.open).lowerBound : bounds.lowerBound
            let floor = max(previousClose, beforeOpen - 30, start)
            let inner = q.token(atOrAfter: g.inner.lowerBound)..<(q.token(endingBy: g.inner.upperBound) + 1)
            let wordCount = inner.filter { q.tokens[$0].kind == .word || q.tokens[$0].kind == .number }.count
            let startsSentence =
                g.startsLine || beforeOpen < floor || beforeOpen < 0 || q.endsSentence(beforeOpen)
                || q.isQuoteMark(beforeOpen) || q.isPunct(beforeOpen, ":")
            let lastInner = q.text.scalars[g.inner.upperBound - 1]
            let utterance =
                wordCount >= 3
                && (q.text.scalars[g.inner.lowerBound].properties.isUppercase
                    || ".,!?…—".unicodeScalars.contains(lastInner) || wordCount >= 8)

            var kind: Quote.Kind
            var attributed: Attributed?
            var attributionOffset = g.close
            if beforeOpen >= 0,
                q.words[beforeOpen] == "so-called" || (q.word(beforeOpen) == "called" && q.word(beforeOpen - 1) == "so")
            {
                kind = .scare
            } else if !g.runsOn, !endsSentenceBeforeNext(g, afterClose),
                let post = reader.after(
                    from: afterClose, limit: limit,
                    unfinished: ",?!".unicodeScalars.contains(lastInner) || q.isPunct(afterClose, ",")),
                startsSentence || utterance
            {
                kind = startsSentence || wordCount >= 6 ? .direct : .partial
                attributed = post
            } else if let pre = reader.before(end: beforeOpen, floor: floor) {
                let naming = QuoteLexicon.namingVerbs.contains(q.words[pre.verb])
                kind = pre.introduces && !naming && utterance ? .direct : .partial
                attributed = pre.0
                attributionOffset = q.tokens[pre.verb].start
            } else if startsSentence, utterance, let last = lastSpeaker, paragraph - last.paragraph <= 2 {
                // `“A,” he said. “B.”` and the paragraph-long quote that follows an attributed one.
                // An unnamed speaker's continuation stays unnamed (`“…,” a UCEA spokesperson
                // said. “…”` is not the person named nearby), and so does one after narration
                // that names someone else (`…, said Ms Deans. “…”` after Mr Buckingham's quote).
                var name: String?
                if let known = last.name {
                    name = challenged(last, known, before: g.open) ? nil : known
                } else if !last.unnamed {
                    name = resolver.resolvePronoun(at: g.open)
                }
                out.append(make(g, speaker: name, kind: .direct))
                lastSpeaker = LastSpeaker(
                    name: name, unnamed: last.unnamed || name == nil && last.name != nil, paragraph: paragraph,
                    segment: index, carried: true)
                continue
            } else if startsSentence, utterance {
                kind = .direct
                attributed = .pronoun("he")
                attributionOffset = g.open
            } else {
                kind = wordCount <= 4 ? .scare : .partial
            }

            if attributed == .clauseSubject { attributed = clauseSubject(ofVerbAt: attributionOffset) }
            var speaker: String?
            switch attributed {
            case .name(let n):
                speaker = resolver.person(n)
                if let speaker { resolver.learn(speaker) }
            case .pronoun(let p) where QuoteLexicon.personPronouns.contains(p):
                speaker =
                    lastSpeakerIfUnchallenged(lastSpeaker, paragraph, before: g.open)
                    ?? resolver.resolvePronoun(at: attributionOffset)
            default:
                speaker = nil
            }
            out.append(make(g, speaker: speaker, kind: kind))
            if kind == .direct {
                let unnamed =
                    speaker == nil
                    && (attributed == .anonymous || { if case .name = attributed { true } else { false } }())
                lastSpeaker = LastSpeaker(
                    name: speaker, unnamed: unnamed, paragraph: paragraph, segment: index, carried: false)
            }
        }
        return out
    }

    /// The subject of the clause whose verb starts at `offset` (`Sanders compared himself to
    /// Clinton, saying, “`; `Lazar said he … and added, “`): a name right before the verb (`has
    /// Podesta saying`), else the subject of the sentence's first speech verb before it, else the
    /// first person the sentence names that may be its subject, else
    /// a `he`/`she` the sentence opens with. Failing those, a participle's subject is found as a
    /// `he`'s would be (`Adding, “…”` continues the sentence before); a coordinated verb's is unknown.
    func clauseSubject(ofVerbAt offset: Int) -> Attributed {
        let v = q.token(atOrAfter: offset)
        guard v < q.tokens.count, let index = q.text.sentenceIndex(ofToken: v) else { return .anonymous }
        let participle = q.words[v].hasSuffix("ing")
        let sentence = q.text.sentences[index]
        let first = sentence.tokens.lowerBound
        if let name = nameRightBefore(v, floor: first) { return .name(name) }
        for u in first..<v where QuoteLexicon.speechVerbs.contains(q.words[u]) {
            if q.words[u].hasSuffix("ing") {
                if let name = nameRightBefore(u, floor: first) { return .name(name) }
            } else if let subject = reader.subjectBefore(u, floor: first), subject != .clauseSubject {
                return subject
            }
        }
        if let person = resolver.people.first(where: {
            $0.offset >= sentence.start && $0.offset < offset && resolver.maySubject($0)
        }) {
            return .name(person.name)
        }
        var k = first
        while k < v, q.tokens[k].kind != .word { k += 1 }
        if k < v, QuoteLexicon.personPronouns.contains(q.words[k]) { return .pronoun(q.words[k]) }
        return participle ? .pronoun("he") : .anonymous
    }

    /// The name that ends right before token `v`, adverbs skipped (`Hillary Clinton asking`).
    func nameRightBefore(_ v: Int, floor: Int) -> String? {
        var s = v - 1
        while s >= floor, reader.isAdverb(s) { s -= 1 }
        guard s >= floor, let run = q.runEnding(at: s), run.lowerBound >= floor else { return nil }
        return q.name(run)
    }

    /// The speaker of the last direct quote. `unnamed`: it was attributed, but to no named
    /// person (`a spokesperson said`, `said BT`).
    struct LastSpeaker {
        var name: String?
        var unnamed: Bool
        var paragraph: Int
        var segment: Int
        /// The quote had no attribution of its own: its speaker was carried over from the one before.
        var carried: Bool
    }

    /// `“….” Liam Fox said the return…`: the quote ends a sentence and the next one starts
    /// with a capital, so what follows is a new sentence, not this quote's attribution (but
    /// `“Why?” he asked`, `“Go!” said X` stand).
    func endsSentenceBeforeNext(_ g: QuoteSegmenter.Segment, _ afterClose: Int) -> Bool {
        var k = g.inner.upperBound - 1
        while k > g.inner.lowerBound,
            QuoteSegmenter.isMark(q.text.scalars[k]) || "'’".unicodeScalars.contains(q.text.scalars[k])
        { k -= 1 }
        guard q.text.scalars[k] == "." else { return false }
        return afterClose < q.tokens.count && q.isNameWord(afterClose)
            && !QuoteLexicon.speechVerbs.contains(q.words[afterClose])
    }

    /// The last speaker, when their quote is in this paragraph or the one before and no other
    /// person is named in a sentence between it and `offset`: `“A,” he said. “B,” he added.`
    func lastSpeakerIfUnchallenged(_ last: LastSpeaker?, _ paragraph: Int, before offset: Int) -> String? {
        guard let last, let name = last.name, paragraph - last.paragraph <= 1,
            !challenged(last, name, before: offset)
        else { return nil }
        return name
    }

    /// Whether a person other than `name` is named outside quotes after the sentence of the
    /// last quote and before `offset`. Names in the rest of the quote's own sentence (`he said
    /// before the talks with Witkoff`) are its attribution's, not new subjects, unless that quote
    /// had no attribution of its own and a speech verb stands next to the name (`“…,” Digital
    /// prints cost less, said Ms Deans.`).
    func challenged(_ last: LastSpeaker, _ name: String, before offset: Int) -> Bool {
        let close = segments[last.segment].close
        let from = q.text.sentences.first { $0.end > close }?.end ?? close
        return resolver.people.contains {
            $0.offset > close && $0.offset < offset && $0.name != name
                && ($0.offset > from || last.carried && !resolver.isPossessive($0.offset) && speaks(at: $0.offset))
        }
    }

    /// Whether the name at `offset` is the subject or object of a speech verb next to it
    /// (`said Ms Deans`, `Ms Deans said`).
    func speaks(at offset: Int) -> Bool {
        let k = q.token(atOrAfter: offset)
        guard let run = q.runStarting(at: k) else { return false }
        var before = run.lowerBound - 1
        while before >= 0, q.isPunct(before, ".") || QuoteLexicon.titles.contains(q.words[before]) { before -= 1 }
        return before >= 0 && QuoteLexicon.speechVerbs.contains(q.words[before])
            || reader.verbFollows(run.upperBound + 1, limit: q.tokens.count) != nil
    }

    /// The quote of a segment; its text leaves out the marks that reopen a continued quotation
    /// (`…families. "The rules…` reads `…families. The rules…`).
    func make(_ g: QuoteSegmenter.Segment, speaker: String?, kind: Quote.Kind) -> Quote {
        var text = q.text.text(g.inner)
        if !g.reopenings.isEmpty {
            var scalars = String.UnicodeScalarView()
            var from = g.inner.lowerBound
            for mark in g.reopenings {
                scalars.append(contentsOf: q.text.scalars[from..<mark])
                from = mark + 1
            }
            scalars.append(contentsOf: q.text.scalars[from..<g.inner.upperBound])
            text = String(scalars)
        }
        return Quote(text: text, speaker: speaker, kind: kind, start: g.inner.lowerBound, end: g.inner.upperBound)
    }
}
