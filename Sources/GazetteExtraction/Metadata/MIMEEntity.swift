import Foundation

/// One MIME entity of an e-mail or MHTML file: its headers and its raw body bytes, with the
/// parts of a multipart body and the body's text after transfer and charset decoding.
struct MIMEEntity {
    /// Header fields in order, names lower-cased, folded lines joined (RFC 5322 §2.2.3).
    let headers: [(name: String, value: String)]
    let body: ArraySlice<UInt8>

    /// Nesting deeper than this is not read (a guard against hostile input).
    static let maximumDepth = 8

    /// Parses headers up to the first empty line; a file with no header block is all body.
    init(_ bytes: ArraySlice<UInt8>) {
        var headers: [(name: String, value: String)] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let end = bytes[i...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[i..<end]
            if line.last == 0x0D { line = line.dropLast() }
            i = end < bytes.endIndex ? end + 1 : end
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { break }
            let text = Self.headerText(line)
            if line.first == 0x20 || line.first == 0x09, !headers.isEmpty {
                headers[headers.count - 1].value += " " + text.trimmingCharacters(in: .whitespaces)
            } else if let colon = text.firstIndex(of: ":") {
                headers.append(
                    (
                        text[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                        text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    ))
            } else if headers.isEmpty {
                i = bytes.startIndex
                break
            }
        }
        self.headers = headers
        self.body = bytes[i...]
    }

    /// Header bytes as text: UTF-8 (RFC 6532) when valid, else Windows-1252.
    static func headerText(_ bytes: ArraySlice<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) ?? Windows1252.decode(Array(bytes)).0
    }

    /// The first field called `name` (lower case).
    subscript(name: String) -> String? { headers.first { $0.name == name }?.value }

    /// The media type, lower-cased (`text/plain` when absent, as RFC 2045 says).
    var mediaType: String {
        let value = self["content-type"] ?? "text/plain"
        return value.prefix(while: { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased()
    }

    var isAttachment: Bool { self["content-disposition"]?.lowercased().hasPrefix("attachment") ?? false }

    /// A parameter of the Content-Type field (`boundary`, `charset`, `start`, `type`); a quoted
    /// value may hold `;`.
    func parameter(_ name: String) -> String? {
        guard let value = self["content-type"] else { return nil }
        var fields: [String] = []
        var field = ""
        var quoted = false
        for c in value {
            if c == "\"" { quoted.toggle() }
            if c == ";", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        for field in fields.dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
        }
        return nil
    }

    /// The body parts of a multipart entity (empty for any other), between `--boundary` lines.
    var parts: [MIMEEntity] {
        guard mediaType.hasPrefix("multipart/"), let boundary = parameter("boundary"), !boundary.isEmpty else {
            return []
        }
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [MIMEEntity] = []
        var partStart: Int? = nil
        var i = body.startIndex
        while i < body.endIndex {
            let end = body[i...].firstIndex(of: 0x0A) ?? body.endIndex
            let line = body[i..<end]
            if line.starts(with: delimiter) {
                var contentEnd = i
                // The line break before a delimiter belongs to the delimiter.
                if let start = partStart {
                    if contentEnd > start, body[contentEnd - 1] == 0x0A { contentEnd -= 1 }
                    if contentEnd > start, body[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                    parts.append(MIMEEntity(body[start..<max(start, contentEnd)]))
                }
                if line.dropFirst(delimiter.count).starts(with: [0x2D, 0x2D]) { return parts }
                partStart = end < body.endIndex ? end + 1 : end
            }
            i = end < body.endIndex ? end + 1 : end
        }
        if let start = partStart, start < body.endIndex { parts.append(MIMEEntity(body[start...])) }
        return parts
    }

    /// The body with its Content-Transfer-Encoding (quoted-printable, base64) undone.
    var decodedBody: [UInt8] {
        switch self["content-transfer-encoding"]?.lowercased() {
        case "quoted-printable": QuotedPrintable.decode(body, underscoreIsSpace: false)
        case "base64": [UInt8](Data(base64Encoded: Data(body), options: .ignoreUnknownCharacters) ?? Data())
        default: Array(body)
        }
    }

    /// The body as text and its charset's name: valid UTF-8 with non-ASCII characters is UTF-8
    /// whatever the part says (mailers label UTF-8 `us-ascii` or `iso-8859-1`); else in its
    /// `charset` when Gazette knows it, else as ``TextDecoder`` reads a file (an HTML part's own
    /// `<meta charset>`, then detection). Invalid bytes become U+FFFD.
    var text: (text: String, encoding: String) {
        let bytes = decodedBody
        if bytes.contains(where: { $0 >= 0x80 }), let utf8 = String(validating: bytes, as: UTF8.self) {
            return (TextDecoder.normalize(utf8), "utf-8")
        }
        if let label = parameter("charset"), let charset = Charset.named(label),
            let (text, name) = charset.decode(bytes[...], lenient: true)
        {
            return (TextDecoder.normalize(text), name)
        }
        return (try? TextDecoder.decode(bytes)) ?? ("", "utf-8")
    }
}

/// Quoted-printable (RFC 2045 §6.7), and the Q encoding of RFC 2047 headers (`_` is a space).
enum QuotedPrintable {
    static func decode(_ s: some Collection<UInt8>, underscoreIsSpace: Bool) -> [UInt8] {
        let s = Array(s)
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "=") {
                // A soft line break: `=` then optional spaces and the line end.
                var j = i + 1
                while j < s.count, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
                if j < s.count, s[j] == 0x0D { j += 1 }
                if j < s.count, s[j] == 0x0A {
                    i = j + 1
                    continue
                }
                if i + 2 < s.count, let high = hex(s[i + 1]), let low = hex(s[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
            }
            out.append(underscoreIsSpace && c == UInt8(ascii: "_") ? 0x20 : c)
            i += 1
        }
        return out
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
