/// Finds the roles a text gives a person mention: premodifiers (`US secretary of state Marco
/// Rubio`, `London-based historian Georgios Varouxakis`, `Donald Trump's envoy Steve Witkoff`)
/// and appositions (`Keir Starmer's national security adviser, Jonathan Powell`,
/// `Jonathan Powell, the national security adviser,`).
struct RoleFinder {
    let text: AnalyzedText
    /// For each token, whether it is part of a non-person entity mention (`US`, `Nato`).
    let inEntity: [Bool]
    static let maxLength = 7

    func roles(of mention: Range<Int>) -> [String] {
        var out: [String] = []
        let before = mention.lowerBound
        if let r = phrase(endingBefore: before) { out.append(r) }
        // `ROLE, NAME`: apposition before, only when the phrase starts at a possessive,
        // determiner or the sentence start (so `…said on Tuesday, John` finds nothing).
        if out.isEmpty, before > 0, word(before - 1) == ",", let r = phrase(endingBefore: before - 1, anchored: true) {
            out.append(r)
        }
        if let r = apposition(after: mention.upperBound) { out.append(r) }
        return out
    }

    private func word(_ i: Int) -> String { text.text(of: text.tokens[i]) }

    private func lower(_ i: Int) -> String { EntityResolver.fold(token: i, of: text) }

    private func isWordToken(_ i: Int) -> Bool { text.tokens[i].kind == .word }

    /// Whether the token may stand inside a role phrase.
    private func isModifier(_ i: Int) -> Bool {
        guard isWordToken(i) else { return false }
        let l = lower(i)
        if EntityLexicon.roleStops.contains(l) || l == "'s" || l == "'" { return false }
        let w = word(i)
        guard let first = w.unicodeScalars.first else { return false }
        if TokenFeatures.isUppercase(first) {
            // Capitalised: a place or organisation (`US`), a hyphenated modifier (`London-based`)
            // or a capitalised title (`Prime Minister`).
            return inEntity[i] || w.contains("-") || EntityLexicon.roleHeads.contains(l)
                || EntityLexicon.titles.contains(l)
        }
        return true
    }

    /// The role phrase whose last token is `end - 1`: a run of modifiers headed by a role noun,
    /// possibly followed by an `of` complement (`secretary of state`).
    private func phrase(endingBefore end: Int, anchored: Bool = false) -> String? {
        let sentenceStart =
            text.sentenceIndex(ofToken: max(0, end - 1)).map { text.sentences[$0].tokens.lowerBound } ?? 0
        guard end > sentenceStart else { return nil }
        // Locate the head: the last token, or `HEAD of X [Y]`.
        var head = end - 1
        if !EntityLexicon.roleHeads.contains(lower(head)) {
            var k = end - 1
            var complement = 0
            while k > sentenceStart, complement < 2, isModifier(k), lower(k) != "of" {
                k -= 1
                complement += 1
            }
            guard complement > 0, k > sentenceStart, lower(k) == "of", EntityLexicon.roleHeads.contains(lower(k - 1))
            else { return nil }
            head = k - 1
        }
        var start = head
        while start > sentenceStart, end - (start - 1) <= RoleFinder.maxLength, isModifier(start - 1) { start -= 1 }
        if anchored, start > sentenceStart {
            let l = lower(start - 1)
            guard
                l == "'s" || l == "'" || l == "the" || l == "a" || l == "an" || l == "his" || l == "her" || l == "their"
                    || l == "its"
            else {
                return nil
            }
        }
        // A role is never a bare title already covered by the name (`Mr`).
        let s = text.text(text.tokens[start].start..<text.tokens[end - 1].end)
        if start == end - 1, ["mr", "mrs", "ms", "dr", "sir"].contains(lower(start)) { return nil }
        return s
    }

    /// `NAME, [the|a|X's] ROLE[ of X]` followed by punctuation or a preposition.
    private func apposition(after end: Int) -> String? {
        guard end + 1 < text.tokens.count, word(end) == "," else { return nil }
        var k = end + 1
        let sentenceEnd =
            text.sentenceIndex(ofToken: end).map { text.sentences[$0].tokens.upperBound } ?? text.tokens.count
        if ["the", "a", "an"].contains(lower(k)) { k += 1 }
        let start = k
        var headEnd: Int? = nil
        while k < sentenceEnd, k - start < RoleFinder.maxLength, isModifier(k) {
            if EntityLexicon.roleHeads.contains(lower(k)) { headEnd = k + 1 }
            k += 1
        }
        guard var stop = headEnd, stop > start else { return nil }
        if stop + 1 < sentenceEnd, lower(stop) == "of", isModifier(stop + 1) {
            stop += 2
            if stop < sentenceEnd, isModifier(stop), !EntityLexicon.roleHeads.contains(lower(stop)) { stop += 1 }
        }
        if stop < sentenceEnd {
            let next = lower(stop)
            guard
                !isWordToken(stop)
                    || ["at", "of", "for", "in", "with", "who", "and", "from", "to", "on"].contains(next)
            else { return nil }
        }
        return text.text(text.tokens[start].start..<text.tokens[stop - 1].end)
    }
}
