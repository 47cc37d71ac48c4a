/// Guesses the legacy charset of bytes that are neither UTF-8 nor declared.
///
/// The guess is statistical and simple: the first 64 KB are decoded in every candidate charset
/// (a charset in which they are not valid drops out) and each decoding is scored per non-ASCII
/// character: +1 for a lower-case letter among the most frequent letters of the charset's
/// languages (kana and the commonest kanji for Japanese, the commonest hanzi and Hangul
/// syllables for Chinese and Korean), −1 for an unlikely character (a C1 control, a half-width
/// katakana, a box-drawing or other odd symbol) and, in the Latin charsets, −1 for an accented
/// letter between two others (Latin languages seldom write three accented letters in a row,
/// while a Cyrillic or Greek text misread as Latin does nothing else); common punctuation,
/// capitals and rarer letters count 0. The best mean score wins; ties go to the earlier
/// candidate, so Windows-1252 keeps a Western file whose few accents read alike everywhere.
///
/// Frequent letters: the commonest letters of each language's alphabet (as in Wikipedia's
/// "Letter frequency" tables); for Chinese, the first few hundred characters of Jun Da's Modern
/// Chinese character frequency list with the traditional forms of the commonest; for Japanese,
/// all kana and a few dozen everyday kanji; for Korean, about a hundred everyday Hangul syllables,
/// picked by hand. Enough to tell a right decoding from a wrong one, not to model the language.
enum CharsetDetector {
    struct Candidate: Sendable {
        let charset: Charset
        /// Latin-script charset: runs of accented letters are unlikely.
        let latin: Bool
        let frequent: Set<Unicode.Scalar>
    }

    /// Bytes of the file the guess reads.
    static let sample = 65_536

    static func guess(_ bytes: [UInt8]) -> Charset {
        let head = bytes.prefix(sample)
        var best: (charset: Charset, score: Double) = (.windows1252, -.infinity)
        for candidate in candidates {
            // A multi-byte character the sample's end cuts is not an error: drop up to 3 bytes.
            let trims = bytes.count > sample ? 0...3 : 0...0
            guard let text = trims.lazy.compactMap({ candidate.charset.decode(head.dropLast($0))?.text }).first else {
                continue
            }
            let score = self.score(text, as: candidate)
            if score > best.score { best = (candidate.charset, score) }
        }
        return best.charset
    }

    /// Mean score per non-ASCII character (see the type's description).
    static func score(_ text: String, as candidate: Candidate) -> Double {
        var total = 0
        var count = 0
        let scalars = Array(text.unicodeScalars)
        func accented(_ j: Int) -> Bool {
            j >= 0 && j < scalars.count && !scalars[j].isASCII && scalars[j].properties.isAlphabetic
        }
        for (i, s) in scalars.enumerated() where !s.isASCII {
            count += 1
            let properties = s.properties
            if properties.isLowercase || (properties.isAlphabetic && !properties.isUppercase) {
                if candidate.frequent.contains(s) { total += 1 }
                if candidate.latin, accented(i - 1), accented(i + 1) { total -= 1 }
            } else if unlikely(s) {
                total -= 1
            }
        }
        return count == 0 ? 0 : Double(total) / Double(count)
    }

    /// C1 controls, half-width katakana, box drawing, private use and the odd symbols a wrong
    /// single-byte decoding scatters.
    static func unlikely(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x80...0x9F).contains(v) || (0xFF61...0xFF9F).contains(v) || (0x2500...0x259F).contains(v)
            || (0xE000...0xF8FF).contains(v) || v == 0xFFFD || "¤¦¨¯´¸¬µ¶‡ˆ‰‹›¢¥±¹²³¼½¾×÷".unicodeScalars.contains(s)
    }

    static func letters(_ s: String) -> Set<Unicode.Scalar> { Set(s.unicodeScalars) }

    static let western = "éèàùâêîôûçëïüöäßñáíóúãõåøæœ"
    static let russian = "оеаинтсрвлкмдпуяыьгзбчйіїєґ"
    static let japanese =
        (0x3041...0x3096).map { String(Unicode.Scalar($0)!) }.joined()
        + (0x30A1...0x30FA).map { String(Unicode.Scalar($0)!) }.joined()
        + "ー日本人年月大中国会時出行事者分上生自前後見言新社手学物間方地部長合同目的一二三十子私今何円東京問題思作入気高下発表市場経済政府首相党選挙"
    static let chinese =
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
        + "這個們來為國時說會對著發後裡種經麼學現當沒動還進樣開從實軍無與長機業關點兩問戰頭體見產應間將話給門兒東聲員論處義條氣題爾別變總電數報結務場計資許統區隊"
    static let korean =
        "이다는의에을하고가한지서로기리사자도를으대어수과나정아시인일해적있라전구보제장게부우상주동위만성비것여원국화들면소스세경조개문연없마그학공생니유내관요중현방영야실신미까무했었습업발운선단결데된통말음물회진저후모분년월명당행할안및때또더되않같"

    /// In order of preference for ties: Western first, then the other single-byte families, then CJK.
    static let candidates: [Candidate] = {
        func single(_ name: String, latin: Bool, _ frequent: String) -> Candidate {
            Candidate(charset: Charset.named(name)!, latin: latin, frequent: letters(frequent))
        }
        return [
            single("windows-1252", latin: true, western),
            single("windows-1250", latin: true, "ąęłńóśźżćčřšžěýáíéůúőűöüäôĺľťďňŕ"),
            single("windows-1254", latin: true, "çşğıöüâî"),
            single("windows-1257", latin: true, "ąčęėįšųūžāēīķļņõäöü"),
            single("windows-1251", latin: false, russian),
            single("koi8-r", latin: false, russian),
            single("windows-1253", latin: false, "αεοιτνσςυηρπκμλάέίόύήώ"),
            single("windows-1255", latin: false, "אבגדהוזחטיכלמנסעפצקרשתםןףךץ"),
            single("windows-1256", latin: false, "اليمنوهبرتعدفكسقحجشطصزثخضذظغءةىئأإآ"),
            single("windows-874", latin: false, "กขคงจฉชซญดตถทนบปผพฟภมยรลวศษสหอฮะัาำิีึืุูเแโใไ่้็๋์"),
            single("shift_jis", latin: false, japanese),
            single("euc-jp", latin: false, japanese),
            single("gbk", latin: false, chinese),
            single("big5", latin: false, chinese),
            single("euc-kr", latin: false, korean),
        ]
    }()
}
