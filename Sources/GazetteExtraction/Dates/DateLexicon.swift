/// Words the date stage recognises: months, weekdays, ordinals, units, tense markers.
enum DateLexicon {
    static let months = WordTable<Int>([
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ])

    static let weekdays = WordTable<Int>([
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ])

    static let ordinals = WordTable<Int>([
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ])

    /// Parts of a day after a weekday (`Tuesday night`): kept in the span, value stays the day.
    static let dayParts: Set<String> = ["morning", "afternoon", "evening", "night"]

    /// Words before a date that sharpen it without changing its value (`early December`).
    static let modifiers: Set<String> = ["early", "late", "mid", "earlier", "later"]

    /// Words that make a sentence speak of the future (`will`, `next`).
    static let future: Set<String> = [
        "will", "'ll", "’ll", "shall", "next", "upcoming", "scheduled", "tomorrow", "plans", "planning",
        "expected", "expects", "due", "coming", "until", "wo", "intends", "hopes",
    ]

    /// Future markers that are also nouns (`plans`, `hopes`): future only before `to`.
    static let intentions: Set<String> = ["plans", "planning", "expects", "intends", "hopes"]

    /// Auxiliaries that put a future marker in the past (`was due`, `were coming`, `had expected`).
    static let pastAuxiliaries: Set<String> = ["was", "were", "had"]

    /// Reporting verbs (`said`, `announced`) date the report, not the event reported, so
    /// they say nothing about the tense of a date in the sentence.
    static let reporting: Set<String> = [
        "said", "told", "announced", "reported", "added", "noted", "stated", "explained", "declared",
        "confirmed", "revealed", "disclosed", "insisted", "warned", "argued", "claimed", "indicated",
    ]

    /// Past-tense markers. Regular `-ed` forms are left out: too many are participles
    /// (`payable to shareholders recorded Nov. 20`).
    static let pastVerbs: Set<String> = [
        "was", "were", "had", "did", "came", "went", "took", "made", "met", "began",
        "won", "lost", "fell", "rose", "saw", "gave", "left", "got", "became", "brought", "held", "sent",
        "spent", "paid", "sold", "bought", "thought", "found", "ran", "wrote", "spoke", "knew", "led",
        "struck", "hit", "put", "set", "cut", "shut", "quit", "fled", "fought", "felt", "kept", "meant",
        "stood", "understood", "grew", "drew", "threw", "flew", "broke", "chose", "ago", "last",
        "yesterday", "earlier", "previously", "didn't", "didn’t", "wasn't", "wasn’t", "weren't", "weren’t",
        "hadn't", "hadn’t",
    ]

    /// The month number of a month word, abbreviations included.
    static func month(_ w: String) -> Int? { months[w] }

    /// A month written in full (`May`, `September`), not abbreviated (`Sept`).
    static func isFullMonthName(_ w: String) -> Bool { w.count >= 5 || w == "may" || w == "june" || w == "july" }

    /// `12`, `12th`, `1st`, `twelfth` → 12, when a plausible day of month.
    static func dayNumber(_ w: String) -> Int? {
        if let o = ordinals[w] { return o }
        var digits = 0
        var value = 0
        var rest = Substring(w)
        for c in w {
            guard let d = c.wholeNumberValue, c.isASCII else { break }
            // A third digit makes no day: give up before a long run of digits overflows.
            guard digits < 2 else { return nil }
            value = value * 10 + d
            digits += 1
            rest = rest.dropFirst()
        }
        guard digits >= 1, digits <= 2, value >= 1, value <= 31 else { return nil }
        if rest.isEmpty || ["st", "nd", "rd", "th"].contains(rest) { return value }
        return nil
    }

    /// A four-digit year token (`1945`, `2025`).
    static func year(_ w: String) -> Int? {
        guard w.utf8.count == 4, w.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let y = Int(w) else { return nil }
        return (1000...2199).contains(y) ? y : nil
    }

    /// `week`/`weeks` → `week`, … for the calendar units a relative date counts in.
    static func unit(_ w: String) -> DateMention.Granularity? {
        switch w {
        case "hour", "hours": return .hour
        case "day", "days": return .day
        case "week", "weeks": return .week
        case "month", "months": return .month
        case "year", "years": return .year
        default: return nil
        }
    }
}
