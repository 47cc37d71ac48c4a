/// Splits text into word, number, punctuation and symbol tokens.
///
/// Words keep internal apostrophes, hyphens and periods of abbreviations and initials (`U.S.`,
/// `J.`, `don't`, `well-established`); numbers keep decimal points and thousands separators (`1,200.5`).
/// Possessive `'s` / `’s` becomes its own token so that `Trump’s` yields `Trump`.
public enum Tokenizer {
    public static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if isSpace(c) {
                i += 1
                continue
            }
            let start = i
            if isDigit(c) {
                i += 1
                while i < n {
                    if isDigit(s[i]) {
                        i += 1
                        continue
                    }
                    if s[i] == "." || s[i] == ",", i + 1 < n, isDigit(s[i + 1]) {
                        i += 2
                        continue
                    }
                    break
                }
                // Trailing letters glued to numbers (`21st`, `5bn`) stay in the same token.
                while i < n, isLetter(s[i]) { i += 1 }
                tokens.append(Token(start: start, end: i, kind: .number))
            } else if isLetter(c) {
                i += 1
                while i < n {
                    let d = s[i]
                    if isLetter(d) || isDigit(d) || isMark(d) {
                        i += 1
                        continue
                    }
                    if isApostrophe(d) || d == "-" || d == "\u{2010}" || d == "\u{2011}" || d == ".", i + 1 < n,
                        isLetter(s[i + 1])
                    {
                        // Possessive: split `’s` off (`Trump’s` → `Trump` `’s`).
                        if isApostrophe(d), s[i + 1] == "s" || s[i + 1] == "S", i + 2 >= n || !isLetter(s[i + 2]) {
                            break
                        }
                        // Abbreviations with periods only for single letters: `U.S.`, `e.g.`.
                        if d == ".", !(i - start == 1 || (i >= 2 && s[i - 2] == ".")) { break }
                        i += 1
                        continue
                    }
                    break
                }
                // Trailing period of an abbreviation like `U.S.` (single-letter pattern), or of an
                // initial before a capitalised word (`J. Smith`, `B. Young`).
                if i < n, s[i] == ".", i - start >= 3, s[i - 2] == "." {
                    i += 1
                } else if i - start == 1, i + 2 < n, s[i] == ".", s[i + 1] == " ", s[start].properties.isUppercase,
                    s[i + 2].properties.isUppercase
                {
                    i += 1
                }
                tokens.append(Token(start: start, end: i, kind: .word))
            } else if isApostrophe(c), i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S", i + 2 >= n || !isLetter(s[i + 2]),
                i > 0, isLetter(s[i - 1])
            {
                i += 2
                tokens.append(Token(start: start, end: i, kind: .word))
            } else {
                i += 1
                let kind: Token.Kind = c.properties.generalCategory.isPunctuation ? .punctuation : .symbol
                tokens.append(Token(start: start, end: i, kind: kind))
            }
        }
        return tokens
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 128 ? (c == " " || c == "\n" || c == "\t" || c == "\r") : c.properties.isWhitespace
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 48 && c.value <= 57
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return (c.value | 0x20) >= 97 && (c.value | 0x20) <= 122 }
        return c.properties.isAlphabetic
    }

    @inline(__always) static func isMark(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x300 && c.properties.generalCategory == .nonspacingMark
    }

    @inline(__always) static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}"
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
