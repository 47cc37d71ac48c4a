/// Guesses a text's language (ISO 639-1) from how many of its words are common function words
/// of each language. Words shared by several profiles (`de`, `la`) count fractionally.
public enum LanguageDetector {
    /// Function words per language; order breaks ties (English first).
    static let profiles: [(code: String, words: Set<String>)] = [
        ("en", ["the", "and", "of", "to", "is", "that", "it", "was", "for", "on", "are", "with", "as", "his", "they", "be", "at", "this", "have", "from", "or", "by", "not", "but", "what", "which", "were", "when", "there", "their", "has", "been", "would", "will", "who", "its", "than", "she", "he", "we", "an", "had"]),
        ("de", ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem", "mit", "sich", "des", "auf", "für", "im", "von", "auch", "es", "werden", "aus", "er", "sie", "wir", "ich", "wird", "bei", "nach", "noch", "wie", "einer", "über", "zum", "aber", "oder", "sind", "war", "hat", "dass", "nur", "kann"]),
        ("fr", ["le", "la", "les", "et", "est", "des", "une", "du", "que", "qui", "dans", "pour", "pas", "sur", "au", "ce", "il", "elle", "sont", "par", "avec", "plus", "mais", "ou", "nous", "vous", "ils", "été", "aux", "cette", "son", "ses", "leur", "était", "être", "comme", "fait", "un"]),
        ("es", ["el", "la", "los", "las", "y", "es", "en", "que", "del", "un", "una", "por", "con", "para", "se", "no", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "este", "esta", "fue", "son", "entre", "cuando", "muy", "sin", "sobre", "también", "porque", "hay", "está"]),
        ("it", ["il", "di", "che", "e", "la", "le", "per", "un", "una", "non", "è", "del", "della", "sono", "con", "si", "da", "gli", "al", "nel", "anche", "come", "più", "ma", "dei", "delle", "questo", "alla", "ha", "essere", "stato", "lo", "degli", "nella", "suo"]),
        ("pt", ["o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "por", "se", "no", "na", "dos", "das", "mais", "foi", "ao", "como", "mas", "ele", "ela", "são", "seu", "sua", "também", "pelo", "pela", "está", "é", "isso", "já"]),
        ("nl", ["de", "het", "een", "en", "van", "is", "dat", "die", "in", "niet", "te", "op", "voor", "met", "zijn", "er", "aan", "ook", "als", "bij", "door", "maar", "om", "wordt", "werd", "was", "naar", "nog", "dan", "uit", "heeft", "hij", "zij", "deze", "worden", "wel", "kan"]),
    ]

    /// How many profiles hold each word, to share its vote, and which (bit `i` for profile `i`).
    static let membership: WordTable<(count: Int, profiles: UInt8)> = {
        var table: [String: (count: Int, profiles: UInt8)] = [:]
        for (i, profile) in profiles.enumerated() {
            for word in profile.words {
                let entry = table[word] ?? (0, 0)
                table[word] = (entry.count + 1, entry.profiles | 1 << i)
            }
        }
        return WordTable(table)
    }()

    /// The best-scoring language, or `en` when the text has no function words at all.
    public static func detect(_ text: AnalyzedText) -> String {
        var scores = [Double](repeating: 0, count: profiles.count)
        var seen = 0
        for (t, token) in text.tokens.enumerated() where token.kind == .word {
            seen += 1
            if seen > 5_000 { break }
            guard let (shared, members) = membership[text.words[t], packed: text.packedWords[t]] else { continue }
            for i in profiles.indices where members & (1 << i) != 0 {
                scores[i] += 1 / Double(shared)
            }
        }
        var best = 0
        for i in scores.indices where scores[i] > scores[best] { best = i }
        return profiles[best].code
    }
}
