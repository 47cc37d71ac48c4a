/// Splits a token stream into sentences at `.`, `!`, `?` (plus closing quotes and brackets),
/// and at paragraph and line breaks, without splitting after common abbreviations and initials.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt",
        "gov", "sen", "rep", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp",
        "mt", "ft", "u.s", "u.k", "e.g", "i.e",
    ]

    public static func split(scalars s: [Unicode.Scalar], tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        func close(_ last: Int) {
            guard last >= first else { return }
            sentences.append(Sentence(tokens: first..<(last + 1), start: tokens[first].start, end: tokens[last].end))
            first = last + 1
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            // A paragraph break ends the sentence; so does a line break unless the next line
            // goes on in lower case (hard-wrapped text). Headlines and datelines stand alone.
            if i + 1 < tokens.count {
                var newlines = 0
                for k in t.end..<tokens[i + 1].start where s[k] == "\n" { newlines += 1 }
                if newlines >= 2 || (newlines == 1 && !s[tokens[i + 1].start].properties.isLowercase) {
                    close(i)
                    i += 1
                    continue
                }
            }
            if t.end - t.start == 1, t.kind == .punctuation, s[t.start] == "." || s[t.start] == "!" || s[t.start] == "?"
            {
                if s[t.start] == ".", i > 0, isAbbreviation(tokens[i - 1], s: s), t.start == tokens[i - 1].end {
                    i += 1
                    continue
                }
                var last = i
                while last + 1 < tokens.count, isCloser(s[tokens[last + 1].start]),
                    tokens[last + 1].start == tokens[last].end
                {
                    last += 1
                }
                if last + 1 < tokens.count {
                    let next = tokens[last + 1]
                    let c = s[next.start]
                    // A sentence starts with an upper-case letter, digit, or opening quote.
                    if !(c.properties.isUppercase || Tokenizer.isDigit(c) || isOpener(c)) {
                        i = last + 1
                        continue
                    }
                }
                close(last)
                i = last + 1
                continue
            }
            i += 1
        }
        if first < tokens.count { close(tokens.count - 1) }
        return sentences
    }

    static func isAbbreviation(_ t: Token, s: [Unicode.Scalar]) -> Bool {
        let len = t.end - t.start
        if len == 1, s[t.start].properties.isUppercase { return true }  // initials: `J. Smith`
        guard len <= 5 else { return false }
        var word = ""
        for k in t.range { word.unicodeScalars.append(contentsOf: s[k].properties.lowercaseMapping.unicodeScalars) }
        return abbreviations.contains(word)
    }

    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "\u{201D}" || c == "\u{2019}" || c == "'" || c == ")" || c == "]"
    }

    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "\u{201C}" || c == "\u{2018}" || c == "'" || c == "(" || c == "["
    }
}
