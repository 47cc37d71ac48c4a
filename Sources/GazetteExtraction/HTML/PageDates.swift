import Foundation

/// Dates pages write outside structured metadata: in their URL (`/2019/11/20/`,
/// `/20191120-`), in short date elements, in English (``DateParser``), other languages'
/// month names (`27 de marzo de 2020`, `3. März 2020`, `27 марта 2020`, `24 نيسان 2020`) or
/// digits (`27.03.2020`, `2020/03/27`, `03/27/2020`, `2020年3月27日`), and date-times anywhere
/// in the page's source (``stamps(in:limit:)``).
enum PageDates {
    /// The date in a URL's path: year, month and day as separate segments or one 8-digit run.
    static func fromURL(_ url: String) -> DateParser.Match? {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        let parts = path.split(whereSeparator: { !$0.isNumber }).map(String.init)
        for (k, part) in parts.enumerated() {
            if part.count == 4, let year = Int(part), plausible(year), k + 2 < parts.count,
                parts[k + 1].count <= 2, parts[k + 2].count <= 2, let month = Int(parts[k + 1]),
                let day = Int(parts[k + 2]),
                let date = UTCDateTime.date(year: year, month: month, day: day)
            {
                return DateParser.Match(date: date, leftovers: [])
            }
            if part.count == 8, let year = Int(part.prefix(4)), plausible(year),
                let month = Int(part.dropFirst(4).prefix(2)),
                let day = Int(part.suffix(2)), let date = UTCDateTime.date(year: year, month: month, day: day)
            {
                return DateParser.Match(date: date, leftovers: [])
            }
        }
        return nil
    }

    /// A date in a short text; `dayFirst` settles `03/04/2020` (false only for US English pages).
    static func fromText(_ text: String, dayFirst: Bool) -> DateParser.Match? {
        if let match = DateParser.parse(text), plausible(match) { return match }
        let lower = text.lowercased()
        let tokens = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if let match = named(tokens) { return match }
        return numeric(lower, dayFirst: dayFirst) ?? eastAsian(text)
    }

    /// Month names (and their common inflections) of the languages news pages come in most.
    static let months: [String: Int] = {
        let names: [[String]] = [
            [
                "enero", "janvier", "januar", "jänner", "gennaio", "janeiro", "januari", "января", "январь", "styczeń",
                "stycznia", "ocak",
            ],
            [
                "febrero", "février", "fevrier", "februar", "febbraio", "fevereiro", "februari", "февраля", "февраль",
                "lutego", "şubat",
            ],
            ["marzo", "mars", "märz", "marz", "março", "marco", "maart", "марта", "март", "marca", "mart"],
            ["abril", "avril", "aprile", "april", "апреля", "апрель", "kwietnia", "nisan"],
            ["mayo", "mai", "maggio", "maio", "mei", "мая", "май", "maja", "mayıs"],
            ["junio", "juin", "juni", "giugno", "junho", "июня", "июнь", "czerwca", "haziran"],
            ["julio", "juillet", "juli", "luglio", "julho", "июля", "июль", "lipca", "temmuz"],
            ["agosto", "août", "aout", "augustus", "августа", "август", "sierpnia", "ağustos"],
            [
                "septiembre", "setiembre", "septembre", "settembre", "setembro", "сентября", "сентябрь", "września",
                "eylül",
            ],
            ["octubre", "octobre", "oktober", "ottobre", "outubro", "октября", "октябрь", "października", "ekim"],
            ["noviembre", "novembre", "november", "novembro", "ноября", "ноябрь", "listopada", "kasım"],
            [
                "diciembre", "décembre", "decembre", "dezember", "dicembre", "dezembro", "december", "декабря",
                "декабрь", "grudnia", "aralık",
            ],
        ]
        // Arabic: the Levantine names and the Egyptian ones (often both: `24 نيسان / أبريل 2020`);
        // the two-word Levantine names (January, October to December) are left to their Egyptian twins.
        let arabic: [[String]] = [
            ["يناير"], ["فبراير", "شباط"], ["مارس", "آذار", "اذار"], ["أبريل", "ابريل", "إبريل", "نيسان"],
            ["مايو", "أيار", "ايار"], ["يونيو", "يونية", "حزيران"], ["يوليو", "يولية", "تموز"],
            ["أغسطس", "اغسطس", "آب"],
            ["سبتمبر", "أيلول", "ايلول"], ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in (names + arabic).enumerated() { for word in words { table[word] = index % 12 + 1 } }
        return table
    }()

    /// `27 de marzo de 2020`, `3. März 2020`: a day, a month name and a year, in that order.
    static func named(_ tokens: [String]) -> DateParser.Match? {
        for (k, token) in tokens.enumerated() {
            guard let month = months[token], k > 0 else { continue }
            var d = k - 1
            if tokens[d] == "de", d > 0 { d -= 1 }
            guard let day = Int(tokens[d]),
                let yearToken = tokens[(k + 1)...].prefix(2).first(where: { $0.count == 4 }),
                let year = Int(yearToken), plausible(year),
                let date = UTCDateTime.date(year: year, month: month, day: day)
            else { continue }
            return DateParser.Match(date: date, leftovers: [])
        }
        return nil
    }

    /// `27.03.2020`, `27/03/2020`, `2020/03/27`, `03-27-2020`.
    static func numeric(_ text: String, dayFirst: Bool) -> DateParser.Match? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.numericType != nil else {
                i += 1
                continue
            }
            var groups: [Int] = []
            var widths: [Int] = []
            var j = i
            while groups.count < 3 {
                var value = 0
                var width = 0
                while j < scalars.count, let digit = Int(String(scalars[j])), width < 4 {
                    value = value * 10 + digit
                    width += 1
                    j += 1
                }
                guard width > 0 else { break }
                groups.append(value)
                widths.append(width)
                guard groups.count < 3, j < scalars.count, ".-/".unicodeScalars.contains(scalars[j]) else { break }
                j += 1
            }
            if groups.count == 3 {
                let (a, b, c) = (groups[0], groups[1], groups[2])
                let fields: (Int, Int, Int)? =
                    widths[0] == 4
                    ? (a, b, c)
                    : widths[2] == 4 ? (a > 12 || (dayFirst && b <= 12) ? (c, b, a) : (c, a, b)) : nil
                if let (year, month, day) = fields, plausible(year),
                    let date = UTCDateTime.date(year: year, month: month, day: day)
                {
                    return DateParser.Match(date: date, leftovers: [])
                }
            }
            i = max(j, i + 1)
        }
        return nil
    }

    /// `2020年3月27日` (Chinese, Japanese), `2020년 3월 27일` (Korean).
    static func eastAsian(_ text: String) -> DateParser.Match? {
        guard let match = text.firstMatch(of: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/),
            let year = Int(match.1), plausible(year), let month = Int(match.2), let day = Int(match.3)
        else { return nil }
        return UTCDateTime.date(year: year, month: month, day: day).map { DateParser.Match(date: $0, leftovers: []) }
    }

    /// Date-times written anywhere in the page's source, scripts and comments included, in page
    /// order, at most `limit`: `2020-05-01T23:00:00-04:00`, `2020/04/17 01:43:09`,
    /// `Fri, 01 May 2020 23:00:00 -0400`. A date needs its time here, so that version numbers
    /// and file paths (`/2020/04/17/`) do not count. The last resort for the publication day,
    /// and where a page that gives its times in UTC shows its own offset.
    static func stamps(in html: String, limit: Int = 64) -> [DateParser.Match] {
        var html = html
        var found: [DateParser.Match] = []
        html.withUTF8 { b in
            let n = b.count
            func digit(_ i: Int) -> Bool { i >= 0 && i < n && b[i] >= 0x30 && b[i] <= 0x39 }
            func text(_ range: Range<Int>) -> String { String(decoding: b[range], as: UTF8.self) }
            var i = 0
            while i + 16 <= n, found.count < limit {
                // A year of four digits, 19xx or 20xx, not inside a longer number.
                guard b[i] == 0x31 || b[i] == 0x32, digit(i + 1), digit(i + 2), digit(i + 3), !digit(i - 1),
                    !digit(i + 4)
                else {
                    i += 1
                    continue
                }
                var match: DateParser.Match?
                let separator = b[i + 4]
                if separator == 0x2D || separator == 0x2F, b[i + 7] == separator, digit(i + 5), digit(i + 6),
                    digit(i + 8), digit(i + 9), b[i + 10] == 0x54 || b[i + 10] == 0x20, digit(i + 11),
                    digit(i + 12), b[i + 13] == 0x3A, digit(i + 14), digit(i + 15)
                {
                    // `YYYY-MM-DD` or `YYYY/MM/DD`, a time and maybe a zone: the ISO reader's form.
                    var stamp = Array(b[i..<min(n, i + 32)])
                    stamp[4] = 0x2D
                    stamp[7] = 0x2D
                    match = DateParser.parseISO(String(decoding: stamp, as: UTF8.self))
                } else if separator == 0x20, digit(i + 5), digit(i + 6), i + 7 < n, b[i + 7] == 0x3A, i >= 6,
                    b[i - 1] == 0x20, b[i - 5] == 0x20, digit(i - 6)
                {
                    // `01 May 2020 23:00:00 -0400`: a written date with its time (and zone).
                    let start = digit(i - 7) ? i - 7 : i - 6
                    var end = i + 5
                    while end < min(n, i + 20), b[end] != 0x22, b[end] != 0x27, b[end] != 0x3C { end += 1 }
                    match = DateParser.parse(text(start..<end))
                }
                if let match, plausible(match) {
                    found.append(match)
                    i += 16
                } else {
                    i += 4
                }
            }
        }
        return found
    }

    static func plausible(_ year: Int) -> Bool { (1995...2100).contains(year) }

    static func plausible(_ match: DateParser.Match) -> Bool {
        plausible(Int(1970 + match.date.timeIntervalSince1970 / 31_556_952))
    }
}
