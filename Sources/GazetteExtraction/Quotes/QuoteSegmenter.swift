/// Finds quoted stretches of the body: text between a pair of quotation marks on one line,
/// or a quotation continued over paragraphs (a paragraph ends inside an open quote and the
/// next one opens with a mark, the news convention).
///
/// Curly (`“…”`), straight (`"…"`), guillemets (`«…»`) and low-high (`„…“`) pairs; a straight
/// mark toggles. Linear in the body, whatever the marks.
enum QuoteSegmenter {
    /// One quoted stretch. `inner` excludes the marks and surrounding spaces.
    struct Segment: Equatable {
        /// Offset of the opening mark.
        var open: Int
        /// Offset of the closing mark, or of the end of the last line when the quote runs on.
        var close: Int
        var inner: Range<Int>
        /// The last line ended inside the quote without a closing mark.
        var runsOn: Bool
        /// The opening mark is the first non-space character of its line.
        var startsLine: Bool
        /// Offsets of the marks that reopen a quotation continued over paragraphs, inside
        /// `inner`: not part of what was said.
        var reopenings: [Int] = []
    }

    static func isOpening(_ c: Unicode.Scalar) -> Bool { c == "\u{201C}" || c == "\u{00AB}" || c == "\u{201E}" }
    static func isClosing(_ c: Unicode.Scalar) -> Bool { c == "\u{201D}" || c == "\u{00BB}" }
    static func isMark(_ c: Unicode.Scalar) -> Bool { c == "\"" || isOpening(c) || isClosing(c) }

    static func segments(_ s: [Unicode.Scalar]) -> [Segment] {
        var raw: [Segment] = []
        var lineStart = 0
        var open: Int?
        var openIsLowHigh = false
        func lineIsBlankBefore(_ i: Int) -> Bool {
            var k = lineStart
            while k < i, s[k] == " " || s[k] == "\t" || s[k] == "\u{00A0}" { k += 1 }
            return k == i
        }
        func emit(_ o: Int, _ c: Int, runsOn: Bool) {
            var a = o + 1
            var b = c
            while a < b, s[a].properties.isWhitespace { a += 1 }
            while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
            guard b > a else { return }
            var k = lineStart
            while k < o, s[k] == " " || s[k] == "\t" || s[k] == "\u{00A0}" { k += 1 }
            raw.append(Segment(open: o, close: c, inner: a..<b, runsOn: runsOn, startsLine: k == o))
        }
        var i = 0
        while i <= s.count {
            let c: Unicode.Scalar = i < s.count ? s[i] : "\n"
            if c == "\n" {
                if let o = open { emit(o, i, runsOn: true) }
                open = nil
                lineStart = i + 1
            } else if c == "\u{201C}", let o = open, openIsLowHigh {
                emit(o, i, runsOn: false)  // `„…“`
                open = nil
            } else if isOpening(c) {
                open = i
                openIsLowHigh = c == "\u{201E}"
            } else if isClosing(c) {
                if let o = open { emit(o, i, runsOn: false) }
                open = nil
            } else if c == "\"" {
                let flank = flanking(s, i)
                if let o = open, flank == .opening, s[o] == "\"", endsSentence(s, before: i) {
                    // BBC style: a paragraph (joined into this line) ended inside the quote and the
                    // next one opens again. The quote runs on; it never closes here.
                    emit(o, i, runsOn: true)
                    open = i
                } else if let o = open {
                    emit(o, i, runsOn: false)
                    open = nil
                } else if flank != .closing {
                    open = i
                    openIsLowHigh = false
                }
            }
            i += 1
        }
        return mergeContinued(raw, s)
    }

    enum Flank { case opening, closing, either }

    /// How a straight mark sits: `␣"Word` opens, `word."␣` closes; anything else may do either.
    static func flanking(_ s: [Unicode.Scalar], _ i: Int) -> Flank {
        let before: Unicode.Scalar = i > 0 ? s[i - 1] : " "
        let after: Unicode.Scalar = i + 1 < s.count ? s[i + 1] : " "
        let spaceBefore = before.properties.isWhitespace || "([—–".unicodeScalars.contains(before)
        let spaceAfter = after.properties.isWhitespace || ",.;:!?)]—–".unicodeScalars.contains(after)
        if spaceBefore, !spaceAfter { return .opening }
        if spaceAfter, !spaceBefore { return .closing }
        return .either
    }

    /// Whether the text before offset `i` (spaces skipped) ends a sentence: `….` `?` `!`.
    static func endsSentence(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, s[k] == " " || s[k] == "\u{00A0}" { k -= 1 }
        return k >= 0 && ".!?…".unicodeScalars.contains(s[k])
    }

    /// Joins a segment that runs to the end of its paragraph with the next one when that one
    /// opens the following line (or, BBC style, reopens on the same line).
    static func mergeContinued(_ segments: [Segment], _ s: [Unicode.Scalar]) -> [Segment] {
        var out: [Segment] = []
        for g in segments {
            if let p = out.last, p.runsOn, g.startsLine || p.close == g.open,
                onlySpaceAndMarks(s, p.inner.upperBound, g.inner.lowerBound)
            {
                out[out.count - 1].inner = p.inner.lowerBound..<g.inner.upperBound
                out[out.count - 1].close = g.close
                out[out.count - 1].runsOn = g.runsOn
                out[out.count - 1].reopenings += [g.open] + g.reopenings
            } else {
                out.append(g)
            }
        }
        return out
    }

    static func onlySpaceAndMarks(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard a <= b else { return false }
        for k in a..<b where !(s[k].properties.isWhitespace || isMark(s[k])) { return false }
        return true
    }
}
