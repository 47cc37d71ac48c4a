import Foundation

/// RFC 2047 encoded words in a header (`=?KOI8-R?B?…?=`, `=?iso-8859-1?Q?…?=`): each is decoded
/// in its own charset, and the white space between two adjacent encoded words (what folding
/// leaves) is dropped, as the RFC says.
enum EncodedWords {
    static func decode(_ header: String) -> String {
        guard header.contains("=?") else { return header }
        var out = ""
        var rest = Substring(header)
        var afterWord = false
        while let start = rest.firstRange(of: "=?") {
            let gap = rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            guard let (text, end) = word(after) else {
                out += gap + "=?"
                rest = after
                afterWord = false
                continue
            }
            if !(afterWord && gap.allSatisfy(\.isWhitespace)) { out += gap }
            out += text
            rest = after[end...]
            afterWord = true
        }
        return (out + rest).trimmingCharacters(in: .whitespaces)
    }

    /// One encoded word after its `=?`: `charset?encoding?payload?=`; the text and where it ends.
    static func word(_ s: Substring) -> (String, Substring.Index)? {
        guard let q1 = s.firstIndex(of: "?") else { return nil }
        let afterCharset = s[s.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?") else { return nil }
        let payloadStart = s.index(after: q2)
        guard let close = s[payloadStart...].firstRange(of: "?=") else { return nil }
        // RFC 2231 adds a language: `utf-8*en`.
        let label = s[..<q1].prefix(while: { $0 != "*" })
        let encoding = afterCharset[..<q2].uppercased()
        let payload = s[payloadStart..<close.lowerBound]
        guard !payload.contains(" ") else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B": bytes = [UInt8](Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters) ?? Data())
        case "Q": bytes = QuotedPrintable.decode(Array(payload.utf8), underscoreIsSpace: true)
        default: return nil
        }
        let charset = Charset.named(label) ?? .utf8
        guard let (text, _) = charset.decode(bytes[...], lenient: true) else { return nil }
        return (text, close.upperBound)
    }
}
