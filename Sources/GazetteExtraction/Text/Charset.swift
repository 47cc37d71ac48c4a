import Foundation

/// A character encoding Gazette reads: the name it reports as `source.encoding` and how to decode it.
///
/// UTF-8 and Windows-1252 have decoders of their own; every other charset goes through glibc's
/// iconv (``Iconv``). Labels follow the WHATWG Encoding Standard's aliases, so `gb2312` reads as
/// `gbk`, `ks_c_5601-1987` as `euc-kr` and `latin1` as `windows-1252`; each decodes with the
/// superset a browser uses (CP932 for Shift_JIS, GB18030 for GBK, Big5-HKSCS, CP949 for EUC-KR).
struct Charset: Sendable, Equatable {
    /// Lower-case name for the record, e.g. `shift_jis`, `windows-1251`.
    let name: String
    /// iconv's name for the charset; nil for the built-in UTF-8 and Windows-1252 decoders.
    let iconvName: String?

    static let utf8 = Charset(name: "utf-8", iconvName: nil)
    static let windows1252 = Charset(name: "windows-1252", iconvName: nil)

    /// The charset a label names (`<meta charset>`, an XML declaration, a MIME `charset=`), or
    /// nil for a label Gazette does not know.
    static func named(_ label: some StringProtocol) -> Charset? {
        let key = String(label).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        if let charset = aliases[key] { return charset }
        // windows-125x, cp125x, x-cp125x; iso-8859-x, iso8859-x, iso_8859-x.
        for prefix in ["windows-", "x-cp", "cp"] where key.hasPrefix(prefix) {
            if let page = Int(key.dropFirst(prefix.count)), (1250...1258).contains(page) {
                return page == 1252 ? .windows1252 : Charset(name: "windows-\(page)", iconvName: "CP\(page)")
            }
        }
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_"] where key.hasPrefix(prefix) {
            if let part = Int(key.dropFirst(prefix.count).prefix(while: { $0.isNumber })), (2...16).contains(part),
                part != 12
            {
                return Charset(name: "iso-8859-\(part)", iconvName: "ISO-8859-\(part)")
            }
        }
        return nil
    }

    /// UTF-16 in either byte order: only meaningful for a part that is really UTF-16, never as a
    /// declaration inside an ASCII-compatible document.
    var isUTF16: Bool { iconvName?.hasPrefix("UTF-16") ?? false }

    static let aliases: [String: Charset] = {
        var table: [String: Charset] = [:]
        func add(_ name: String, _ iconv: String?, _ labels: [String]) {
            let charset = Charset(name: name, iconvName: iconv)
            for label in [name] + labels { table[label] = charset }
        }
        add("utf-8", nil, ["utf8", "unicode-1-1-utf-8", "unicode20utf8", "x-unicode20utf8"])
        add(
            "windows-1252", nil,
            [
                "us-ascii", "ascii", "ansi_x3.4-1968", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819",
                "ibm819", "iso-ir-100", "csisolatin1",
            ])
        add(
            "shift_jis", "CP932",
            ["shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "cp932", "csshiftjis"])
        add("euc-jp", "EUC-JP", ["eucjp", "x-euc-jp", "cseucpkdfmtjapanese"])
        add("iso-2022-jp", "ISO-2022-JP", ["csiso2022jp"])
        add(
            "gbk", "GB18030",
            [
                "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "chinese", "csgb2312", "euc-cn",
                "iso-ir-58",
            ])
        add("gb18030", "GB18030", [])
        add("big5", "BIG5-HKSCS", ["big5-hkscs", "cn-big5", "x-x-big5", "csbig5"])
        add(
            "euc-kr", "CP949",
            [
                "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "windows-949", "cp949", "uhc",
                "csksc56011987", "iso-ir-149",
            ])
        add("koi8-r", "KOI8-R", ["koi8", "koi", "cskoi8r", "koi8_r"])
        add("koi8-u", "KOI8-U", ["koi8-ru"])
        add("windows-874", "CP874", ["tis-620", "iso-8859-11", "dos-874"])
        add("ibm866", "CP866", ["866", "cp866", "csibm866"])
        add("macintosh", "MACINTOSH", ["mac", "x-mac-roman", "csmacintosh"])
        add("x-mac-cyrillic", "MAC-CYRILLIC", ["x-mac-ukrainian"])
        add("utf-16le", "UTF-16LE", ["utf-16"])
        add("utf-16be", "UTF-16BE", [])
        return table
    }()

    /// The text of `bytes` in this charset and the name to report, or nil when they are not valid
    /// in it (`lenient` replaces what is not with U+FFFD instead). Windows-1252 reports itself as
    /// `iso-8859-1` when no byte falls in 0x80–0x9F, as before.
    func decode(_ bytes: ArraySlice<UInt8>, lenient: Bool = false) -> (text: String, name: String)? {
        if let iconvName {
            return Iconv.decode(bytes, from: iconvName, lenient: lenient).map { ($0, name) }
        }
        if self == .utf8 {
            if let text = String(validating: bytes, as: UTF8.self) { return (text, name) }
            return lenient ? (String(decoding: bytes, as: UTF8.self), name) : nil
        }
        let (text, label) = Windows1252.decode(Array(bytes))
        return (text, label)
    }
}
