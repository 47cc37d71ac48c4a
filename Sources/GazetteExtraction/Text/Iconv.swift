import Glibc

/// A small safe wrapper over glibc's `iconv`: bytes in a legacy charset to a Swift string.
///
/// Each call opens and closes its own conversion descriptor, so it is safe from any thread.
enum Iconv {
    /// Decodes `bytes` from `charset` (an iconv name such as `CP932` or `KOI8-R`).
    ///
    /// Strict by default: nil at the first invalid or truncated sequence, or when iconv does not
    /// know the charset. `lenient` turns each byte iconv cannot read into U+FFFD instead. The text
    /// is built a chunk at a time, with no second copy of it (iconv never cuts a character).
    static func decode(_ bytes: ArraySlice<UInt8>, from charset: String, lenient: Bool = false) -> String? {
        guard let cd = iconv_open("UTF-8", charset), cd != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var out = ""
        // Most pages are mostly ASCII: a quarter more than the input covers their other letters.
        out.reserveCapacity(bytes.count + bytes.count / 4 + 16)
        let ok = bytes.withUnsafeBufferPointer { input -> Bool in
            guard let base = input.baseAddress else { return true }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(
                to: CChar.self)
            var inLeft = input.count
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while true {
                let flushing = inLeft == 0
                let (result, error) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = buffer.count
                    // With no input left, a last call flushes a stateful charset's pending shift.
                    let result =
                        flushing
                        ? iconv(cd, nil, nil, &outPointer, &outLeft)
                        : iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    let error = errno
                    out += String(decoding: buffer[0..<(buffer.count - outLeft)], as: UTF8.self)
                    return (result, error)
                }
                if result != -1 {
                    if flushing { return true }
                    continue
                }
                switch error {
                case E2BIG:
                    continue
                case EILSEQ where lenient && !flushing, EINVAL where lenient && !flushing:
                    out.unicodeScalars.append("\u{FFFD}")
                    inPointer! += 1
                    inLeft -= 1
                default:
                    return false
                }
            }
        }
        return ok ? out : nil
    }
}
