import Foundation
import Testing

@testable import GazetteExtraction

@Suite("Encodings: declarations, detection, iconv")
struct EncodingTests {
    /// Every legacy-encoded fixture: the charset reported, the language and the title read.
    @Test(arguments: [
        ("russian-koi8-r.html", "koi8-r", "ru", "Городской совет утвердил новый бюджет"),
        ("japanese-shift_jis.html", "shift_jis", "ja", "市議会が新しい予算を承認"),
        ("polish-iso-8859-2.html", "iso-8859-2", "pl", "Rada miasta przyjęła nowy budżet"),
        ("french-latin1.xhtml", "iso-8859-1", "fr", "Le conseil municipal adopte son budget"),
        ("russian-windows-1251.txt", "windows-1251", "ru", "Городской совет утвердил новый бюджет"),
        ("russian-koi8-r.txt", "koi8-r", "ru", "Городской совет утвердил новый бюджет"),
        ("japanese-shift_jis.txt", "shift_jis", "ja", "市議会が新しい予算を承認"),
        ("japanese-euc-jp.txt", "euc-jp", "ja", "市議会が新しい予算を承認"),
        ("chinese-gbk.txt", "gbk", "zh", "市议会批准新预算"),
        ("chinese-big5.txt", "big5", "zh", "市議會批准新預算"),
        ("korean-euc-kr.txt", "euc-kr", "ko", "시의회가 새 예산을 승인했다"),
        ("greek-windows-1253.txt", "windows-1253", "el", "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό"),
        ("czech-windows-1250.txt", "windows-1250", "cs", "Městská rada schválila nový rozpočet"),
    ])
    func legacyFixture(name: String, encoding: String, language: String, title: String) throws {
        let record = try FormatFixtures.extract(name)
        #expect(record.source.encoding == encoding)
        #expect(record.language == language)
        #expect(record.title == title)
        #expect(!record.body.contains("\u{FFFD}"))
    }

    @Test func xhtmlWithXMLPrologReadsAsHTML() throws {
        let record = try FormatFixtures.extract("french-latin1.xhtml")
        #expect(record.source.format == .html)
        #expect(record.body.hasPrefix("Le conseil municipal a adopté mardi le budget de l'année prochaine."))
        #expect(!record.body.contains("<?xml"))
    }

    @Test func declarationsAreFound() {
        #expect(
            CharsetDeclaration.find(in: Array("<?xml version=\"1.0\" encoding='KOI8-R'?><html>".utf8))
                == Charset.named("koi8-r"))
        #expect(
            CharsetDeclaration.find(in: Array("<!doctype html><head><META CHARSET=\"gb2312\">".utf8))?.name == "gbk")
        #expect(
            CharsetDeclaration.find(
                in: Array("<html><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">".utf8))?
                .name == "windows-1251")
        // A UTF-16 label inside ASCII-compatible bytes means UTF-8; plain text declares nothing.
        #expect(CharsetDeclaration.find(in: Array("<meta charset=utf-16>".utf8)) == .utf8)
        #expect(CharsetDeclaration.find(in: Array("Text that mentions <meta charset=koi8-r>".utf8)) == nil)
    }

    @Test func aliasesFollowWHATWG() {
        #expect(Charset.named("latin1") == .windows1252)
        #expect(Charset.named("x-sjis")?.name == "shift_jis")
        #expect(Charset.named("ks_c_5601-1987")?.name == "euc-kr")
        #expect(Charset.named("CP1251")?.iconvName == "CP1251")
        #expect(Charset.named("ISO_8859-15")?.name == "iso-8859-15")
        #expect(Charset.named("x-unknown") == nil)
    }

    /// A page re-saved as UTF-8 that still declares its old charset reads as UTF-8.
    @Test func validUTF8WinsOverAStaleDeclaration() throws {
        let page =
            "<html><head><meta charset=\"iso-8859-1\"><title>Zürich</title></head><body><p>Café prices in Zürich rose again this week, traders said.</p></body></html>"
        let (text, encoding) = try TextDecoder.decode(Array(page.utf8))
        #expect(encoding == "utf-8")
        #expect(text.contains("Café prices in Zürich"))
    }

    /// Pure ASCII reports the charset its markup declares.
    @Test func asciiReportsItsDeclaredCharset() throws {
        let (_, encoding) = try TextDecoder.decode(
            Array("<html><meta charset=\"windows-1251\"><p>Hello</p></html>".utf8))
        #expect(encoding == "windows-1251")
    }

    @Test func iconvIsStrictUnlessLenient() {
        // 0x82 0xA0 is あ in Shift_JIS; a lone lead byte at the end is truncated.
        #expect(Iconv.decode([0x82, 0xA0], from: "CP932") == "あ")
        #expect(Iconv.decode([0x82, 0xA0, 0x82], from: "CP932") == nil)
        #expect(Iconv.decode([0x82, 0xA0, 0x82], from: "CP932", lenient: true) == "あ\u{FFFD}")
        #expect(Iconv.decode([0x41], from: "NO-SUCH-CHARSET") == nil)
        #expect(Iconv.decode([], from: "KOI8-R") == "")
    }

    /// More than the 64 KB the guess reads, with a multi-byte character cut at the sample's end.
    @Test func longLegacyFileDecodesWhole() throws {
        let sentence = "市議会は火曜日、来年度の予算を承認した。"
        let encoded = try FormatFixtures.bytes("japanese-shift_jis.txt")
        var long: [UInt8] = []
        while long.count < 70_001 { long += encoded }
        let (text, encoding) = try TextDecoder.decode(long)
        #expect(encoding == "shift_jis")
        #expect(text.contains(sentence))
        #expect(!text.contains("\u{FFFD}"))
    }

    /// Windows-1252 keeps a Western file whose accents read alike in other code pages.
    @Test func westernTextStaysWindows1252() throws {
        let bytes: [UInt8] =
            Array("The caf".utf8) + [0xE9] + Array(" in Z".utf8) + [0xFC] + Array("rich served ".utf8) + [0x93]
            + Array("the best".utf8) + [0x94] + Array(" coffee.".utf8)
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(encoding == "windows-1252")
        #expect(text == "The café in Zürich served “the best” coffee.")
    }

    /// 7-bit ISO-2022-JP (common in Japanese mail) is not left as escape sequences.
    @Test func iso2022JPIsRecognised() throws {
        // 予算 (budget) between the escapes into and out of JIS X 0208.
        let bytes: [UInt8] = [0x1B, 0x24, 0x42, 0x4D, 0x3D, 0x3B, 0x3B, 0x1B, 0x28, 0x42] + Array(" 2025".utf8)
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(encoding == "iso-2022-jp")
        #expect(text == "予算 2025")
    }
}
