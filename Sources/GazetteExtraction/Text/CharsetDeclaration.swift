/// The charset a markup document declares for itself near its start: an XML declaration
/// (`<?xml version="1.0" encoding="…"?>`) or an HTML `<meta charset="…">` /
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
enum CharsetDeclaration {
    /// How far into the file to look: the HTML standard's prescan reads the first 1024 bytes;
    /// real pages put long scripts first, so a little more.
    static let window = 4_096

    /// The declared charset, or nil when the file does not start as markup or declares nothing
    /// Gazette knows. A UTF-16 label inside bytes that are ASCII-compatible means UTF-8.
    static func find(in bytes: [UInt8]) -> Charset? {
        guard bytes.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }) == UInt8(ascii: "<") else { return nil }
        let head = bytes.prefix(window).map { $0 < 0x80 ? Character(Unicode.Scalar($0)).asciiLowercased : "?" }
        let text = String(head)
        let trimmed = text.drop(while: \.isWhitespace)
        if trimmed.hasPrefix("<?xml"), let end = trimmed.firstRange(of: "?>"),
            let label = value(after: "encoding=", in: trimmed[..<end.lowerBound])
        {
            return usable(label)
        }
        var rest = Substring(text)
        while let meta = rest.firstRange(of: "<meta") {
            let tag = rest[meta.upperBound...].prefix(while: { $0 != ">" })
            if let label = value(after: "charset=", in: tag), let charset = usable(label) { return charset }
            rest = rest[tag.endIndex...]
        }
        return nil
    }

    /// The value after `key` in `tag`, without quotes, up to a quote, space, `;`, `/` or `>`.
    static func value(after key: String, in tag: Substring) -> Substring? {
        guard let range = tag.firstRange(of: key) else { return nil }
        let value = tag[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            .prefix(while: { !"\"' ;/>".contains($0) })
        return value.isEmpty ? nil : value
    }

    static func usable(_ label: Substring) -> Charset? {
        guard let charset = Charset.named(label) else { return nil }
        return charset.isUTF16 ? .utf8 : charset
    }
}

extension Character {
    fileprivate var asciiLowercased: Character {
        guard let ascii = asciiValue, ascii >= 0x41, ascii <= 0x5A else { return self }
        return Character(Unicode.Scalar(ascii + 0x20))
    }
}
