import Foundation

/// Turns a file's bytes into normalised text: Unicode NFC with `\n` line endings.
///
/// Decides the encoding in this order: a byte-order mark (UTF-8, UTF-16); UTF-16 without one
/// (the NUL bytes all sit at one parity); then, for ASCII-compatible bytes, valid UTF-8 with
/// non-ASCII characters is UTF-8 whatever the file declares (a page re-saved as UTF-8 often keeps
/// its old `<meta charset>`); else the charset the markup declares (``CharsetDeclaration``: XML
/// declaration, `<meta charset>`, `http-equiv`) when the bytes are valid in it; 7-bit text with
/// ISO-2022-JP's escapes is ISO-2022-JP; else ``CharsetDetector``'s statistical guess among the
/// common legacy charsets. Legacy charsets decode through glibc's iconv (``Charset``). NUL bytes
/// or a high share of control characters mean the file is binary.
public enum TextDecoder {
    /// Share of control characters above which text counts as binary.
    static let maximumControlShare = 0.05

    public static func decode(_ bytes: [UInt8]) throws(ExtractionError) -> (text: String, encoding: String) {
        guard !bytes.isEmpty else { throw .emptyFile }
        let (decoded, encoding) = try decodeScalars(bytes)
        try checkNotBinary(decoded)
        return (normalize(consume decoded), encoding)
    }

    static func decodeScalars(_ bytes: [UInt8]) throws(ExtractionError) -> (String, String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (try utf16(bytes.dropFirst(2), bigEndian: false), "utf-16le")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (try utf16(bytes.dropFirst(2), bigEndian: true), "utf-16be")
        }
        if let bigEndian = bomlessUTF16(bytes) {
            return (try utf16(bytes[...], bigEndian: bigEndian), bigEndian ? "utf-16be" : "utf-16le")
        }
        if bytes.contains(0) { throw .binaryContent }
        return decodeLegacy(bytes)
    }

    /// ASCII-compatible bytes: UTF-8, the declared charset, or the guessed one (see the type).
    static func decodeLegacy(_ bytes: [UInt8]) -> (String, String) {
        let declared = CharsetDeclaration.find(in: bytes)
        let utf8 = String(validating: bytes, as: UTF8.self)
        // Pure ASCII reads as the declared charset (the name to report; ISO-2022-JP's escapes).
        if let declared, utf8 == nil || !bytes.contains(where: { $0 >= 0x80 }),
            let decoded = declared.decode(bytes[...])
        {
            return decoded
        }
        if isISO2022JP(bytes), let decoded = Charset.named("iso-2022-jp")?.decode(bytes[...]) { return decoded }
        if let utf8 { return (utf8, "utf-8") }
        let guess = CharsetDetector.guess(bytes)
        return guess.decode(bytes[...], lenient: true) ?? Windows1252.decode(bytes)
    }

    /// 7-bit ISO-2022-JP: the escape into JIS X 0208 (`ESC $ B` or `ESC $ @`) and no byte above 0x7F.
    static func isISO2022JP(_ bytes: [UInt8]) -> Bool {
        guard let escape = bytes.firstIndex(of: 0x1B), escape + 2 < bytes.count, bytes[escape + 1] == 0x24,
            bytes[escape + 2] == 0x42 || bytes[escape + 2] == 0x40
        else { return false }
        return !bytes.contains { $0 >= 0x80 }
    }

    /// UTF-16 without a BOM: many NUL bytes, all at even offsets (big-endian) or all at odd ones.
    static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var even = 0
        var odd = 0
        for (i, b) in bytes.enumerated() where b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let half = bytes.count / 2
        if even * 10 >= half * 3, odd == 0 { return true }
        if odd * 10 >= half * 3, even == 0 { return false }
        return nil
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(ExtractionError) -> String {
        let encoding = bigEndian ? "UTF-16BE" : "UTF-16LE"
        guard bytes.count % 2 == 0 else { throw .undecodable(encoding: encoding) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var parser = UTF16()
        loop: while true {
            switch parser.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: throw .undecodable(encoding: encoding)
            }
        }
        return String(scalars)
    }

    static func checkNotBinary(_ text: String) throws(ExtractionError) {
        var total = 0
        var control = 0
        for scalar in text.unicodeScalars {
            total += 1
            let v = scalar.value
            if v == 0 { throw .binaryContent }
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C) || (v >= 0x7F && v <= 0x9F) {
                control += 1
            }
        }
        if control > 0, Double(control) > Double(total) * maximumControlShare { throw .binaryContent }
    }

    /// NFC, and CRLF / lone CR / form feed / Unicode line separators as `\n`. Nearly every text
    /// is NFC already, which the standard library's quick check tells without a copy; the others
    /// are composed by ``precomposed(_:)``. Each step's input is released as its output is made,
    /// so at most two copies of the text are held at once.
    static func normalize(_ text: consuming String) -> String {
        if !isNFC(text) { text = precomposed(text) }
        if hasLineEndingsToRewrite(text) { text = unifiedLineEndings(text) }
        return text
    }

    /// The text in NFC, from the standard library's normaliser (`_withNFCCodeUnits`, public though
    /// underscored), in UTF-8 straight into the new string 64 KB at a time: Foundation's
    /// `precomposedStringWithCanonicalMapping` makes UTF-16 copies of the whole text, four times
    /// its size in all (45 MB more for a 10 MB page).
    static func precomposed(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(65_540)
        text._withNFCCodeUnits { byte in
            // Cut before a scalar's first byte, never inside one.
            if chunk.count >= 65_536, byte & 0xC0 != 0x80 {
                out += String(decoding: chunk, as: UTF8.self)
                chunk.removeAll(keepingCapacity: true)
            }
            chunk.append(byte)
        }
        out += String(decoding: chunk, as: UTF8.self)
        return out
    }

    /// Whether `normalize` would return the text unchanged.
    static func isNormalized(_ text: String) -> Bool { isNFC(text) && !hasLineEndingsToRewrite(text) }

    /// Whether the text is surely NFC (the quick check; a "maybe", such as a combining accent, is no).
    static func isNFC(_ text: String) -> Bool {
        var span = text.utf8Span
        return span.checkForNFC(quickCheck: true)
    }

    /// Whether the text holds CR, form feed, NEL (U+0085) or a Unicode line or paragraph separator.
    static func hasLineEndingsToRewrite(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for (i, b) in bytes.enumerated() where lineEndingWidth(bytes, i) > 0 || b == 0x0D { return true }
            return false
        } ?? text.unicodeScalars.contains { ["\r", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
    }

    /// The text with every line ending as `\n` (CRLF as one).
    static func unifiedLineEndings(_ text: String) -> String {
        var text = text
        // Written straight into the new string (never longer): no other copy of the text.
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var i = 0
                var n = 0
                while i < bytes.count {
                    let width =
                        bytes[i] == 0x0D
                        ? (i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1) : lineEndingWidth(bytes, i)
                    if width > 0 {
                        out[n] = 0x0A
                        i += width
                    } else {
                        out[n] = bytes[i]
                        i += 1
                    }
                    n += 1
                }
                return n
            }
        }
    }

    /// The UTF-8 length of a form feed, NEL or U+2028/U+2029 at `i`, else 0 (CR is handled apart).
    private static func lineEndingWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        switch bytes[i] {
        case 0x0C: 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: 2
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            3
        default: 0
        }
    }
}
