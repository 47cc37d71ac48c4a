/// Lower-cased token text for the rule-based stages (dates, amounts, quotes), with an
/// ASCII fast path: most tokens are ASCII and need neither Unicode case mapping nor an
/// intermediate string.
enum TokenWords {
    static func lowercased(_ text: AnalyzedText, _ t: Token) -> String {
        let scalars = text.scalars
        var bytes: [UInt8] = []
        bytes.reserveCapacity(t.end - t.start)
        for k in t.start..<t.end {
            let v = scalars[k].value
            guard v < 128 else { return text.text(of: t).lowercased() }
            bytes.append(v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func all(_ text: AnalyzedText) -> [String] {
        text.tokens.map { lowercased(text, $0) }
    }
}
