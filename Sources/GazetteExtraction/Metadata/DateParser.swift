import Foundation

/// Reads an absolute date (and time, and zone) written the ways news pages write them:
/// `2025-12-03T08:00:00Z`, `Wed 3 Dec 2025 08.00 GMT`, `December 3, 2025 at 5:30 p.m. EST`,
/// `Wed, 03 Dec 2025 08:00:00 +0000`. A date without a time is midnight UTC; a time without a
/// zone is UTC.
enum DateParser {
    struct Match {
        var date: Date
        /// Lower-cased words of the input that are not part of the date, to judge whether a
        /// line is only a dateline.
        var leftovers: [String]
        /// The zone offset in seconds the text gave, nil when it gave none.
        var offset: Int? = nil
    }

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// Zone abbreviations and their UTC offsets in hours.
    static let zones: [String: Int] = [
        "z": 0, "gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
        "est": -5, "edt": -4, "et": -5, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "pt": -8,
    ]

    /// Parses `text` (kept short by callers: a line, a header, a field).
    static func parse(_ text: String) -> Match? {
        guard text.hasAtMost(200) else { return nil }
        if let iso = parseISO(text) { return iso }
        return parseWritten(text)
    }

    /// The first `YYYY-MM-DD` with an optional time (`T08:00`, ` 08:00:00.5`) and zone (`Z`,
    /// `+01:00`, `-0500`), scanned by hand: a regular expression here cost more than the rest of
    /// the clean-up together.
    static func parseISO(_ text: String) -> Match? {
        let s = Array(text.unicodeScalars)
        guard s.count >= 10 else { return nil }
        for start in 0...(s.count - 10) {
            guard let (fields, offset, end) = isoMatch(s, at: start) else { continue }
            guard
                let date = UTCDateTime.date(
                    year: fields[0], month: fields[1], day: fields[2], hour: fields[3], minute: fields[4],
                    second: fields[5],
                    offsetSeconds: offset ?? 0
                )
            else { return nil }
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: s[..<start])
            rest.append(" ")
            rest.append(contentsOf: s[end...])
            return Match(date: date, leftovers: words(String(rest)), offset: offset)
        }
        return nil
    }

    /// The ISO date-time starting exactly at `start`: year, month, day, hour, minute, second,
    /// the zone offset in seconds (nil without a zone), and the end of the match.
    private static func isoMatch(_ s: [Unicode.Scalar], at start: Int) -> (fields: [Int], offset: Int?, end: Int)? {
        let n = s.count
        func digit(_ i: Int) -> Int? {
            guard i < n, s[i].value >= 48, s[i].value <= 57 else { return nil }
            return Int(s[i].value - 48)
        }
        func number(_ i: Int, _ count: Int) -> Int? {
            var value = 0
            for k in i..<(i + count) {
                guard let d = digit(k) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = number(start, 4), start + 4 < n, s[start + 4] == "-", let month = number(start + 5, 2),
            start + 7 < n, s[start + 7] == "-", let day = number(start + 8, 2)
        else { return nil }
        var fields = [year, month, day, 0, 0, 0]
        var end = start + 10
        var offset: Int? = nil
        // The optional time: `[T ]HH:MM`, then `:SS` with an optional fraction, spaces, and a zone.
        var i = end
        guard i < n, s[i] == "T" || s[i] == " ", let hour = number(i + 1, 2), i + 3 < n, s[i + 3] == ":",
            let minute = number(i + 4, 2)
        else { return (fields, offset, end) }
        fields[3] = hour
        fields[4] = minute
        i += 6
        if i < n, s[i] == ":", let second = number(i + 1, 2) {
            fields[5] = second
            i += 3
            if i < n, s[i] == "." || s[i] == ",", digit(i + 1) != nil {
                i += 2
                while digit(i) != nil { i += 1 }
            }
        }
        while i < n, s[i].properties.isWhitespace { i += 1 }
        end = i
        if i < n, s[i] == "Z" {
            end = i + 1
            offset = 0
        } else if i < n, s[i] == "+" || s[i] == "-", let hours = number(i + 1, 2) {
            let colon = i + 3 < n && s[i + 3] == ":" ? 1 : 0
            if let minutes = number(i + 3 + colon, 2) {
                offset = (s[i] == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
                end = i + 5 + colon
            }
        }
        return (fields, offset, end)
    }

    /// Lower-cased words and number-ish tokens, punctuation dropped.
    static func words(_ text: String) -> [String] {
        if let words = asciiWords(text) { return words }
        var result: [String] = []
        var current = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == ":" || c == "." || c == "+" || (c == "-" && current.isEmpty) {
                current.append(c)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result.map { $0.trimmingCharacters(in: [".", ":"]) }.filter { !$0.isEmpty }
    }

    /// ``words(_:)`` for an ASCII text, on its bytes; nil for any other text.
    private static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
            var result: [String] = []
            var start = -1
            func flush(_ end: Int) {
                var lo = start
                var hi = end
                while lo < hi, bytes[lo] == UInt8(ascii: ".") || bytes[lo] == UInt8(ascii: ":") { lo += 1 }
                while hi > lo, bytes[hi - 1] == UInt8(ascii: ".") || bytes[hi - 1] == UInt8(ascii: ":") { hi -= 1 }
                guard lo < hi else { return }
                result.append(
                    String(unsafeUninitializedCapacity: hi - lo) { out in
                        for k in lo..<hi { out[k - lo] = lower(bytes[k]) }
                        return hi - lo
                    })
            }
            for i in 0..<bytes.count {
                let c = lower(bytes[i])
                let alphanumeric = (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
                if alphanumeric || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == UInt8(ascii: "+")
                    || (c == UInt8(ascii: "-") && start < 0)
                {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    flush(i)
                    start = -1
                }
            }
            if start >= 0 { flush(bytes.count) }
            return result
        }
    }

    static func parseWritten(_ text: String) -> Match? {
        var tokens = words(text)
        guard let m = tokens.firstIndex(where: { months[$0] != nil }) else { return nil }
        let month = months[tokens[m]]!
        var used: Set<Int> = [m]
        var day: Int? = nil
        if m > 0, let d = dayNumber(tokens[m - 1]) {
            day = d
            used.insert(m - 1)
        } else if m + 1 < tokens.count, let d = dayNumber(tokens[m + 1]) {
            day = d
            used.insert(m + 1)
        }
        guard let day else { return nil }
        var year: Int? = nil
        for k in (m + 1)..<min(tokens.count, m + 3) where !used.contains(k) {
            if tokens[k].count == 4, let y = Int(tokens[k]), (1900...2100).contains(y) {
                year = y
                used.insert(k)
                break
            }
        }
        guard let year else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset: Int? = nil
        let after = (used.max() ?? m) + 1
        var k = after
        if k < tokens.count, tokens[k] == "at" {
            used.insert(k)
            k += 1
        }
        if k < tokens.count, let time = clock(tokens[k]) {
            (hour, minute, second) = time
            used.insert(k)
            k += 1
            if k < tokens.count, ["am", "a.m", "pm", "p.m"].contains(tokens[k]) {
                if tokens[k].hasPrefix("p"), hour < 12 { hour += 12 }
                if tokens[k].hasPrefix("a"), hour == 12 { hour = 0 }
                used.insert(k)
                k += 1
            }
        }
        if k < tokens.count {
            if let z = zones[tokens[k]] {
                offset = z * 3_600
                used.insert(k)
            } else if let o = numericOffset(tokens[k]) {
                offset = o
                used.insert(k)
            }
        }
        guard
            let date = UTCDateTime.date(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                offsetSeconds: offset ?? 0)
        else {
            return nil
        }
        tokens = tokens.enumerated().filter { !used.contains($0.offset) }.map(\.element)
        return Match(date: date, leftovers: tokens, offset: offset)
    }

    static func dayNumber(_ token: String) -> Int? {
        var digits = Substring(token)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard digits.count <= 2, let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    /// `08:00`, `8.00`, `08:00:00`.
    static func clock(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2 || parts.count == 3, parts[0].count <= 2, parts.dropFirst().allSatisfy({ $0.count == 2 })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, numbers[0] < 24, numbers[1] < 60 else { return nil }
        return (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
    }

    /// `+0100`, `-05:00`.
    static func numericOffset(_ token: String) -> Int? {
        guard let sign = token.first, sign == "+" || sign == "-" else { return nil }
        let digits = token.dropFirst().filter(\.isNumber)
        guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else {
            return nil
        }
        return (sign == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }
}
