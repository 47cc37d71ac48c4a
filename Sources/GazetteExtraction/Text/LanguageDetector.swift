/// Guesses a text's language (ISO 639-1) in two steps.
///
/// First the script most of its letters are written in (``Script``): most scripts name their
/// language outright (Greek `el`, Hebrew `he`, Thai `th`, Hangul `ko`, Han with kana `ja`, Han
/// alone `zh`), Cyrillic and Arabic are told apart by the letters only some of their languages
/// use. Latin text is then scored by how many of its words are common function words of each
/// language; words shared by several profiles (`de`, `la`) count fractionally. A text with no
/// letters or no function words is `en`, as before.
///
/// Function-word lists: the commonest short words of each language that carry no topic, written
/// for Gazette in the manner of the Snowball project's stop lists (snowballstem.org). The later
/// profiles leave out words that are also common English words (`at`, `for`, `to`, `men`, `her`).
public enum LanguageDetector {
    /// Function words per language; order breaks ties (English first). The languages after `nl`
    /// were added later and leave out one-letter words, which mojibake and initials are full of.
    static let profiles: [(code: String, words: Set<String>)] = [
        (
            "en",
            [
                "the", "and", "of", "to", "is", "that", "it", "was", "for", "on", "are", "with", "as", "his", "they",
                "be", "at", "this", "have", "from", "or", "by", "not", "but", "what", "which", "were", "when", "there",
                "their", "has", "been", "would", "will", "who", "its", "than", "she", "he", "we", "an", "had",
            ]
        ),
        (
            "de",
            [
                "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "mit", "sich", "des",
                "auf", "für", "im", "von", "auch", "es", "werden", "aus", "er", "sie", "wir", "ich", "wird", "bei",
                "nach", "noch", "wie", "einer", "über", "zum", "aber", "oder", "sind", "war", "hat", "dass", "nur",
                "kann",
            ]
        ),
        (
            "fr",
            [
                "le", "la", "les", "et", "est", "des", "une", "du", "que", "qui", "dans", "pour", "pas", "sur", "au",
                "ce", "il", "elle", "sont", "par", "avec", "plus", "mais", "ou", "nous", "vous", "ils", "été", "aux",
                "cette", "son", "ses", "leur", "était", "être", "comme", "fait", "un",
            ]
        ),
        (
            "es",
            [
                "el", "la", "los", "las", "y", "es", "en", "que", "del", "un", "una", "por", "con", "para", "se", "no",
                "su", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "este", "esta", "fue", "son", "entre",
                "cuando", "muy", "sin", "sobre", "también", "porque", "hay", "está",
            ]
        ),
        (
            "it",
            [
                "il", "di", "che", "e", "la", "le", "per", "un", "una", "non", "è", "del", "della", "sono", "con", "si",
                "da", "gli", "al", "nel", "anche", "come", "più", "ma", "dei", "delle", "questo", "alla", "ha",
                "essere", "stato", "lo", "degli", "nella", "suo",
            ]
        ),
        (
            "pt",
            [
                "o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "por",
                "se", "no", "na", "dos", "das", "mais", "foi", "ao", "como", "mas", "ele", "ela", "são", "seu", "sua",
                "também", "pelo", "pela", "está", "é", "isso", "já",
            ]
        ),
        (
            "nl",
            [
                "de", "het", "een", "en", "van", "is", "dat", "die", "in", "niet", "te", "op", "voor", "met", "zijn",
                "er", "aan", "ook", "als", "bij", "door", "maar", "om", "wordt", "werd", "was", "naar", "nog", "dan",
                "uit", "heeft", "hij", "zij", "deze", "worden", "wel", "kan",
            ]
        ),
        (
            "sv",
            [
                "och", "att", "det", "som", "en", "på", "är", "för", "med", "till", "av", "den", "inte", "om", "ett",
                "har", "jag", "var", "sig", "från", "vi", "så", "kan", "när", "hade", "efter", "också", "skulle",
                "eller", "under", "vid", "sin", "hon", "han", "detta", "mot", "nu", "vara",
            ]
        ),
        (
            "da",
            [
                "og", "det", "som", "en", "på", "er", "med", "til", "af", "den", "ikke", "om", "et", "har", "jeg",
                "var", "sig", "fra", "vi", "så", "kan", "når", "havde", "efter", "også", "skulle", "eller", "hun",
                "han", "der", "blev", "være", "mod", "nu", "de",
            ]
        ),
        (
            "no",
            [
                "og", "det", "som", "en", "på", "er", "med", "til", "av", "den", "ikke", "om", "et", "har", "jeg",
                "var", "seg", "fra", "vi", "så", "kan", "når", "hadde", "etter", "også", "skulle", "eller", "hun",
                "han", "der", "ble", "være", "mot", "nå", "de",
            ]
        ),
        (
            "pl",
            [
                "się", "nie", "na", "że", "jest", "jak", "ale", "po", "co", "tak", "za", "od", "tym", "był", "już",
                "czy", "przez", "jego", "dla", "są", "być", "może", "tylko", "jej", "oraz", "ich", "było", "też",
                "które", "który", "która",
            ]
        ),
        (
            "cs",
            [
                "se", "na", "je", "že", "jak", "ale", "po", "co", "tak", "za", "od", "jsou", "byl", "už", "pro", "jeho",
                "být", "může", "jen", "její", "jako", "které", "který", "která", "aby", "také", "při", "podle", "nebo",
            ]
        ),
        (
            "ro",
            [
                "și", "în", "de", "la", "cu", "nu", "că", "pe", "din", "este", "un", "mai", "sunt", "pentru", "fost",
                "ca", "au", "lui", "sau", "dar", "ce", "își", "acest", "această", "după", "fi",
            ]
        ),
        (
            "tr",
            [
                "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "ama", "olan", "kadar",
                "sonra", "ancak", "değil", "ne", "var", "mi", "ise", "şey", "diye", "en", "göre", "olduğu",
            ]
        ),
        (
            "fi",
            [
                "ja", "ei", "että", "oli", "se", "hän", "kun", "mutta", "ovat", "myös", "tai", "sen", "joka", "kuin",
                "niin", "mukaan", "vain", "nyt", "jo", "ole", "tämä", "hänen", "olla", "sitä", "jos",
            ]
        ),
        (
            "hu",
            [
                "az", "és", "hogy", "nem", "egy", "meg", "el", "csak", "már", "volt", "van", "mint", "de", "ez", "ki",
                "még", "azt", "vagy", "után", "pedig", "minden", "kell", "lesz", "szerint", "nagyon",
            ]
        ),
        (
            "id",
            [
                "yang", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke",
                "karena", "ada", "oleh", "saya", "mereka", "sudah", "bisa", "atau", "telah", "kami", "tersebut",
                "lebih",
            ]
        ),
    ]

    /// How many profiles hold each word, to share its vote, and which (bit `i` for profile `i`).
    static let membership: WordTable<(count: Int, profiles: UInt32)> = {
        var table: [String: (count: Int, profiles: UInt32)] = [:]
        for (i, profile) in profiles.enumerated() {
            for word in profile.words {
                let entry = table[word] ?? (0, 0)
                table[word] = (entry.count + 1, entry.profiles | 1 << i)
            }
        }
        return WordTable(table)
    }()

    /// The text's language: by script, then for Latin text by function words.
    public static func detect(_ text: AnalyzedText) -> String { guess(text).code }

    /// A Latin-script guess is sure when the language has at least this many function words…
    static let sureWords = 6.0
    /// …and English has at most this share of its score.
    static let sureEnglishShare = 0.25

    /// The language and whether the guess is sure enough to keep the English-only stages off
    /// the text: always for a script other than Latin; for Latin text only when its language has
    /// ``sureWords`` function words and English few (``sureEnglishShare``) — short or tabular
    /// English (results tables, price lists) often scores for another language by a word or two.
    static func guess(_ text: AnalyzedText) -> (code: String, sure: Bool) {
        if let code = Script.language(text.scalars) { return (code, true) }
        let scores = latinScores(text)
        var best = 0
        for i in scores.indices where scores[i] > scores[best] { best = i }
        return (profiles[best].code, scores[best] >= sureWords && scores[0] <= scores[best] * sureEnglishShare)
    }

    /// Letters only one profile's language uses (`ř` Czech, `ł` Polish, `ő` Hungarian): each
    /// counts half a function word, which settles short texts full of one-letter words.
    static let distinctiveLetters: [Unicode.Scalar: Int] = {
        let letters = [
            "cs": "ěřůťď", "pl": "ąęłśźżń", "ro": "șță", "tr": "ğı", "hu": "őű", "pt": "ãõ", "es": "ñ¿¡", "de": "ß",
        ]
        var table: [Unicode.Scalar: Int] = [:]
        for (code, set) in letters {
            let index = profiles.firstIndex { $0.code == code }!
            for s in (set + set.uppercased()).unicodeScalars { table[s] = index }
        }
        return table
    }()

    /// Each Latin-script profile's score (``profiles`` order): the best scoring is the language,
    /// `en` (first) on a tie or when the text has no function words at all.
    static func latinScores(_ text: AnalyzedText) -> [Double] {
        var scores = [Double](repeating: 0, count: profiles.count)
        for s in text.scalars.prefix(100_000) where !s.isASCII {
            if let i = distinctiveLetters[s] { scores[i] += 0.5 }
        }
        var seen = 0
        for (t, token) in text.tokens.enumerated() where token.kind == .word {
            seen += 1
            if seen > 5_000 { break }
            guard let (shared, members) = membership[text.words[t], packed: text.packedWords[t]] else { continue }
            for i in profiles.indices where members & (1 << i) != 0 {
                scores[i] += 1 / Double(shared)
            }
        }
        return scores
    }
}
