import Foundation

/// Dates pages write outside structured metadata: in their URL (`/2019/11/20/`,
/// `/20191120-`), and in short date elements, in English (``DateParser``), other languages'
/// month names (`27 de marzo de 2020`, `3. März 2020`, `27 марта 2020`) or digits
/// (`27.03.2020`, `2020/03/27`, `03/27/2020`).
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
        return numeric(lower, dayFirst: dayFirst)
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
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() { for word in words { table[word] = index + 1 } }
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

    static func plausible(_ year: Int) -> Bool { (1995...2100).contains(year) }

    static func plausible(_ match: DateParser.Match) -> Bool {
        plausible(Int(1970 + match.date.timeIntervalSince1970 / 31_556_952))
    }
}
