import Foundation

extension StringProtocol {
    /// `count <= limit` without counting a long string to its end: grapheme breaking is costly
    /// and most lines checked this way are paragraphs far over the limit.
    @inline(__always)
    func hasAtMost(_ limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        // When the first `limit + 1` bytes are ASCII other than `\r`, each of them is a
        // character of its own (only `\r\n` joins two ASCII bytes; a mark after the last one
        // joins that one), so there are more than `limit` characters.
        if utf8.prefix(limit + 1).allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return false }
        return index(startIndex, offsetBy: limit, limitedBy: endIndex).map { $0 == endIndex } ?? true
    }

    /// ASCII without `\r`: every byte is a character (only `\r\n` joins two ASCII bytes), so
    /// `count` is `utf8.count`.
    var isASCIIWithoutCR: Bool {
        utf8.withContiguousStorageIfAvailable(Self.asciiWithoutCR) ?? utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// Eight bytes at a time: no high bit set and no byte equal to `\r`.
    private static func asciiWithoutCR(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { return false }
                // A zero byte in `word ^ 0x0D…` is a `\r` (exact once no high bit is set).
                let x = word ^ 0x0D0D_0D0D_0D0D_0D0D
                if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
        }
        while i < n {
            if bytes[i] >= 0x80 || bytes[i] == 0x0D { return false }
            i += 1
        }
        return true
    }

    /// `split(separator: " ").count`, counted on the bytes when the text is ASCII.
    var spaceSeparatedCount: Int {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(separator: " ").count }
        var count = 0
        var inWord = false
        for b in utf8 {
            if b == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// The lines of the text, split at every `\n` (empty lines kept): the same as
    /// `split(separator: "\n", omittingEmptySubsequences: false)`, since a newline is a
    /// character of its own unless it follows `\r` (`\r\n` is one character, so no split
    /// there either), but found in the UTF-8 bytes without grapheme breaking.
    func lines() -> [String] {
        func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
            // Counted first: an array grown by doubling would pass through twice its size.
            var lines: [String] = []
            lines.reserveCapacity(bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
        return utf8.withContiguousStorageIfAvailable(split) ?? Array(utf8).withUnsafeBufferPointer(split)
    }

    /// Whether the UTF-8 bytes of `needle` occur in the string's: an exact byte search, much
    /// cheaper than Foundation's `contains` (which also compares canonical equivalents), for
    /// ASCII needles where the two agree.
    func containsBytes(_ needle: StaticString) -> Bool {
        containsBytes(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }

    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { containsBytes($0) }
    }

    private func containsBytes(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = pattern.first else { return true }
            guard bytes.count >= pattern.count else { return false }
            var i = 0
            while i <= bytes.count - pattern.count {
                if bytes[i] == first, memcmp(bytes.baseAddress! + i, pattern.baseAddress!, pattern.count) == 0 {
                    return true
                }
                i += 1
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }
}

extension String {
    /// `Array(unicodeScalars)`, decoded in one pass over the UTF-8 (valid in a `String` by
    /// construction), ASCII bytes without any decoding.
    var scalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var i = 0
                var k = 0
                while i < bytes.count {
                    let b = UInt32(bytes[i])
                    let value: UInt32
                    if b < 0x80 {
                        value = b
                        i += 1
                    } else if b < 0xE0 {
                        value = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b < 0xF0 {
                        value = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value =
                            (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    buffer[k] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    k += 1
                }
                count = k
            }
        }
    }
}
