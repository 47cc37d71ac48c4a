/// Near-variant detection for keyphrases, so that `peace talk` and `peace talks` or `Nato`
/// and `NATO` are not both returned.
enum KeyphraseVariants {
    /// The phrase's words, case-folded, a plural `s` dropped, joined by one space.
    static func form(_ c: TermStatistics.Candidate, text: AnalyzedText) -> [UInt32] {
        var form: [UInt32] = []
        for k in 0..<Int(c.length) {
            let token = text.tokens[Int(c.firstToken) + k]
            if k > 0 { form.append(32) }
            let start = form.count
            for i in token.range { form.append(WordKey.fold(text.scalars[i])) }
            if form.count - start > 3, form[form.count - 1] == 115, form[form.count - 2] != 115 { form.removeLast() }
        }
        return form
    }

    /// Whether two forms are equal or differ by at most one edit in eight characters.
    static func areVariants(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        if a == b { return true }
        let longest = max(a.count, b.count)
        guard abs(a.count - b.count) * 8 <= longest else { return false }
        return editDistance(a, b) * 8 <= longest
    }

    static func editDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
