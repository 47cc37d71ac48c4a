/// Reads numbers written as digits (`1,200.5`) or words (`five`, `twenty-five`, `a`) and
/// magnitude words (`million`, `bn`, `crore`). Shared by the amount and date stages.
enum NumberWords {
    static let units = WordTable<Double>([
        "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90, "hundred": 100, "dozen": 12,
    ])

    static let magnitudes = WordTable<Double>([
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
        "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
        "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    ])

    /// The value of a digit string such as `1,200.5`, ignoring thousands separators; nil
    /// when it holds anything else or is too large for a `Double` (no JSON number is infinite).
    static func digits(_ s: Substring) -> Double? {
        guard let first = s.first, first.isASCII, first.isNumber else { return nil }
        var clean = ""
        for c in s where c != "," { clean.append(c) }
        guard let value = Double(clean), value.isFinite else { return nil }
        return value
    }

    /// The value of a lower-case number word, `twenty-five` included; nil otherwise.
    /// `a`/`an` are left out: callers that accept them (`a year ago`) ask ``article(_:)``.
    static func word(_ w: String, packed: PackedWord? = nil) -> Double? {
        if w == "a" || w == "an" { return nil }
        if let v = packed != nil ? units[w, packed: packed!] : units[w] { return v }
        guard w.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = w.split(separator: "-")
        if parts.count == 2, let tens = units[String(parts[0])], tens >= 20, tens < 100,
            let one = units[String(parts[1])], one < 10, one > 0
        {
            return tens + one
        }
        return nil
    }

    /// A number word or `a`/`an` (one).
    static func wordOrArticle(_ w: String) -> Double? {
        (w == "a" || w == "an") ? 1 : word(w)
    }
}
