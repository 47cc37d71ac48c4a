/// The writing system most of a text's letters belong to, and the language it names.
enum Script: CaseIterable {
    case latin, cyrillic, greek, armenian, hebrew, arabic, devanagari, bengali, tamil, thai, georgian, hangul, kana, han

    /// Letters read: enough to settle the script of any article.
    static let sample = 20_000

    /// The script of one scalar, or nil for digits, punctuation and scripts not listed.
    static func of(_ s: Unicode.Scalar) -> Script? {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x400...0x52F: .cyrillic
        case 0x531...0x58F: .armenian
        case 0x5D0...0x5F4: .hebrew
        case 0x620...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
        case 0x900...0x97F: .devanagari
        case 0x980...0x9FF: .bengali
        case 0xB80...0xBFF: .tamil
        case 0xE01...0xE5B: .thai
        case 0x10A0...0x10FF: .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: .hangul
        case 0x3041...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: .han
        default: nil
        }
    }

    /// The language of a text not mostly in Latin letters, or nil for Latin text and text with
    /// no letters (left to the function-word profiles). Han with a tenth or more kana is Japanese.
    static func language(_ scalars: [Unicode.Scalar]) -> String? {
        var counts = [Script: Int]()
        var letters = 0
        for s in scalars where !s.isASCII || s.properties.isAlphabetic {
            guard let script = of(s) else { continue }
            counts[script, default: 0] += 1
            letters += 1
            if letters >= sample { break }
        }
        let kana = counts[.kana] ?? 0
        let han = counts[.han] ?? 0
        // Kana and Han write one language together; they stand against the other scripts as one.
        var groups = counts
        groups[.kana] = nil
        groups[.han] = kana + han
        guard let (script, _) = groups.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key != .latin) }),
            groups[script]! > 0, script != .latin
        else { return nil }
        switch script {
        case .han: return kana * 10 >= kana + han ? "ja" : "zh"
        case .cyrillic: return cyrillicLanguage(scalars)
        case .arabic: return arabicLanguage(scalars)
        case .greek: return "el"
        case .armenian: return "hy"
        case .hebrew: return "he"
        case .devanagari: return "hi"
        case .bengali: return "bn"
        case .tamil: return "ta"
        case .thai: return "th"
        case .georgian: return "ka"
        case .hangul: return "ko"
        case .latin, .kana: return nil
        }
    }

    /// Serbian and Macedonian, Ukrainian and Belarusian, Bulgarian, else Russian: by the letters
    /// only some of them use (`ђ ј љ њ ћ џ`, `ѓ ќ ѕ`, `і ї є ґ`, `ў`; Bulgarian has no `ы` or `э`).
    static func cyrillicLanguage(_ scalars: [Unicode.Scalar]) -> String {
        var marks = [String: Int]()
        var letters = 0
        for s in scalars where of(s) == .cyrillic {
            letters += 1
            if letters >= sample { break }
            let lower = s.properties.lowercaseMapping
            if "ђјљњћџ".contains(lower) { marks["sr", default: 0] += 1 }
            if "ѓќѕ".contains(lower) { marks["mk", default: 0] += 1 }
            if "іїєґ".contains(lower) { marks["uk", default: 0] += 1 }
            if lower == "ў" { marks["be", default: 0] += 1 }
            if lower == "ы" || lower == "э" { marks["ru", default: 0] += 1 }
            if lower == "ъ" { marks["bg", default: 0] += 1 }
        }
        let share = { (code: String) in (marks[code] ?? 0) * 200 >= letters }
        if share("mk") { return "mk" }
        if share("sr") { return "sr" }
        if share("be") { return "be" }
        if share("uk") { return "uk" }
        if share("bg"), (marks["ru"] ?? 0) * 1000 < letters { return "bg" }
        return "ru"
    }

    /// Persian and Urdu by the letters Arabic lacks (`پ چ ژ گ ی ک`, Urdu's `ے ٹ ڈ ڑ`), else Arabic.
    static func arabicLanguage(_ scalars: [Unicode.Scalar]) -> String {
        var letters = 0
        var persian = 0
        var urdu = 0
        for s in scalars where of(s) == .arabic {
            letters += 1
            if letters >= sample { break }
            if "ےٹڈڑں".unicodeScalars.contains(s) { urdu += 1 }
            if "پچژگیک".unicodeScalars.contains(s) { persian += 1 }
        }
        if urdu * 100 >= letters { return "ur" }
        return persian * 50 >= letters ? "fa" : "ar"
    }
}
