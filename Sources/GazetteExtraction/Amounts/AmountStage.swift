/// Finds sums of money and percentages (`£253bn`, `$1.2 trillion`, `US$3 million`,
/// `5,000 dollars`, `Rs 40 crore`, `5%`, `five per cent`) and expands them to plain numbers.
public struct AmountStage: AnalysisStage {
    public init() {}

    public func run(_ analysis: inout Analysis) {
        analysis.amounts = AmountScanner(text: analysis.text).scan()
    }
}

/// One pass over the tokens of an article; see ``AmountStage``.
struct AmountScanner {
    let text: AnalyzedText
    let tokens: [Token]

    init(text: AnalyzedText) {
        self.text = text
        self.tokens = text.tokens
    }

    static let symbols: [Unicode.Scalar: String] = [
        "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₪": "ILS",
    ]
    /// Letters glued before `$`: `US$`, `A$`, `HK$`.
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD",
        "nt": "TWD", "r": "BRL", "mx": "MXN",
    ]
    /// Words or codes written before the number: `Rs 40 crore`, `USD 5m`.
    static let prefixWords: [String: String] = [
        "rs": "INR", "inr": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF",
        "cny": "CNY", "rmb": "CNY", "aud": "AUD", "cad": "CAD",
    ]
    /// Currency words written after the number, with the factor to the main unit.
    static let suffixWords: [String: (code: String, factor: Double)] = [
        "dollar": ("USD", 1), "dollars": ("USD", 1), "pound": ("GBP", 1), "pounds": ("GBP", 1),
        "sterling": ("GBP", 1), "euro": ("EUR", 1), "euros": ("EUR", 1), "yen": ("JPY", 1),
        "yuan": ("CNY", 1), "renminbi": ("CNY", 1), "rupee": ("INR", 1), "rupees": ("INR", 1),
        "rouble": ("RUB", 1), "roubles": ("RUB", 1), "ruble": ("RUB", 1), "rubles": ("RUB", 1),
        "franc": ("CHF", 1), "francs": ("CHF", 1), "pence": ("GBP", 0.01), "p": ("GBP", 0.01),
        "cents": ("USD", 0.01), "cent": ("USD", 0.01), "hryvnia": ("UAH", 1), "hryvnias": ("UAH", 1),
    ]

    func word(_ i: Int) -> String {
        text.words[i]
    }

    /// True when token `j` starts right where token `i` ends (no space between).
    func glued(_ i: Int, _ j: Int) -> Bool {
        j < tokens.count && tokens[i].end == tokens[j].start
    }

    func scan() -> [Amount] {
        var out: [Amount] = []
        var i = 0
        while i < tokens.count {
            if let (amount, next) = match(at: i) {
                out.append(amount)
                i = next
            } else {
                i += 1
            }
        }
        return out
    }

    /// A number (digits with an optional glued magnitude such as `bn`, or a number word)
    /// starting at token `i`: its value and the index after it.
    func number(at i: Int) -> (value: Double, next: Int)? {
        guard i < tokens.count else { return nil }
        let t = tokens[i]
        var value: Double
        var next = i + 1
        if t.kind == .number {
            let s = text.text(of: t)
            let digitsEnd = s.firstIndex(where: { $0.isLetter }) ?? s.endIndex
            guard let v = NumberWords.digits(s[..<digitsEnd]) else { return nil }
            value = v
            if digitsEnd < s.endIndex {
                guard let m = NumberWords.magnitudes[s[digitsEnd...].lowercased()] else { return nil }
                return (v * m, next)
            }
        } else if t.kind == .word, let v = NumberWords.word(word(i), packed: text.packedWords[i]) {
            value = v
        } else {
            return nil
        }
        // `1.2 trillion`, `two million`, `40 crore`; a bare `m`/`b`/`k` only when glued.
        if next < tokens.count, tokens[next].kind == .word {
            let w = word(next)
            if let m = NumberWords.magnitudes[w], w.count > 2 || glued(i, next) {
                value *= m
                next += 1
            }
        }
        return (value, next)
    }

    func match(at i: Int) -> (Amount, Int)? {
        let t = tokens[i]
        var start = i
        var currency: String?
        var cursor = i
        // Prefix: `$`, `US$`, `Rs`, `USD`.
        if t.kind == .symbol || t.kind == .punctuation, t.end - t.start == 1,
            let code = Self.symbols[text.scalars[t.start]]
        {
            currency = code
            cursor = i + 1
            if code == "USD", i > 0, tokens[i - 1].kind == .word, glued(i - 1, i),
                let special = Self.dollarPrefixes[word(i - 1)]
            {
                currency = special
                start = i - 1
            }
            if cursor < tokens.count, !glued(i, cursor), tokens[cursor].kind != .number { return nil }
        } else if t.kind == .word, t.end - t.start <= 3,
            i + 1 < tokens.count,
            tokens[i + 1].kind == .number
                || (tokens[i + 1].kind == .punctuation && i + 2 < tokens.count && tokens[i + 2].kind == .number),
            let code = Self.prefixWords[word(i)]
        {
            currency = code
            cursor = tokens[i + 1].kind == .number ? i + 1 : i + 2
        }
        if currency == nil, t.kind == .number, let pence = glued(pence: i) {
            return (make(i, i, value: pence, currency: "GBP", unit: nil), i + 1)
        }
        // A magnitude can take a huge number past the largest Double.
        guard let (value, afterNumber) = number(at: cursor), value.isFinite else { return nil }
        if currency != nil {
            return (make(start, afterNumber - 1, value: value, currency: currency, unit: nil), afterNumber)
        }
        guard afterNumber < tokens.count else { return nil }
        let next = tokens[afterNumber]
        let w = word(afterNumber)
        if next.kind != .word, text.scalars[next.start] == "%" {
            return (make(start, afterNumber, value: value, currency: nil, unit: "percent"), afterNumber + 1)
        }
        guard next.kind == .word else { return nil }
        if w == "percent" || w == "pc" {
            return (make(start, afterNumber, value: value, currency: nil, unit: "percent"), afterNumber + 1)
        }
        if w == "per", afterNumber + 1 < tokens.count, word(afterNumber + 1) == "cent" {
            return (make(start, afterNumber + 1, value: value, currency: nil, unit: "percent"), afterNumber + 2)
        }
        if w == "percentage", afterNumber + 1 < tokens.count, word(afterNumber + 1).hasPrefix("point") {
            return (
                make(start, afterNumber + 1, value: value, currency: nil, unit: "percentage point"), afterNumber + 2
            )
        }
        if let (code, factor) = Self.suffixWords[w] {
            // `pounds` could be weight: only after a magnitude or with `sterling`.
            if w == "p" { return nil }
            var end = afterNumber
            if w == "pounds" || w == "pound" {
                let magnitude = afterNumber - cursor > 1
                let sterling = afterNumber + 1 < tokens.count && word(afterNumber + 1) == "sterling"
                guard magnitude || sterling else { return nil }
                if sterling { end += 1 }
            }
            return (make(start, end, value: value * factor, currency: code, unit: nil), end + 1)
        }
        return nil
    }

    /// `50p`: pence glued to the number, in pounds.
    func glued(pence i: Int) -> Double? {
        let s = text.text(of: tokens[i])
        guard s.hasSuffix("p"), let v = NumberWords.digits(s.dropLast()) else { return nil }
        return v / 100
    }

    func make(_ first: Int, _ last: Int, value: Double, currency: String?, unit: String?) -> Amount {
        let range = tokens[first].start..<tokens[last].end
        return Amount(
            text: text.text(range), value: value, currency: currency, unit: unit, start: range.lowerBound,
            end: range.upperBound)
    }
}
