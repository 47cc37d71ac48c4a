/// Splits a mailbox (`.mbox`: messages one after another, each opened by a `From ` envelope
/// line) into its messages, each then read by ``EmailReader``.
///
/// A `From ` line opens a message at the start of the file or after a blank line; a body line
/// quoted as `>From ` (mboxrd, also mboxo's `>From `) loses one `>`.
enum MailboxReader {
    /// A text that starts as a mailbox: a `From ` envelope line, then e-mail headers.
    static func startsAsMailbox(_ text: String) -> Bool {
        guard text.hasPrefix("From ") else { return false }
        let head = text.prefix(2_000)
        guard let newline = head.firstIndex(where: \.isNewline) else { return false }
        return FormatDetector.looksLikeEmail(String(head[head.index(after: newline)...]))
    }

    /// The bytes of each message, without its `From ` line; nil when the bytes do not start with
    /// one (a single message). Throws ``ExtractionError/tooManyParts(found:limit:)`` past `limit`
    /// messages, before any is copied.
    static func messages(_ bytes: [UInt8], limit: Int) throws(ExtractionError) -> [[UInt8]]? {
        guard bytes.starts(with: envelope) else { return nil }
        let lines = lineRanges(bytes)
        var starts: [Int] = []
        var previousBlank = true
        for (index, line) in lines.enumerated() {
            if previousBlank, isEnvelope(bytes[line]) { starts.append(index) }
            previousBlank = bytes[line].allSatisfy { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        }
        guard starts.first == 0 else { return nil }
        guard starts.count <= limit else { throw .tooManyParts(found: starts.count, limit: limit) }
        return starts.indices.map { i in
            let end = i + 1 < starts.count ? starts[i + 1] : lines.count
            var message: [UInt8] = []
            for line in lines[(starts[i] + 1)..<end] {
                let text = bytes[line]
                message.append(contentsOf: isQuotedEnvelope(text) ? text.dropFirst() : text)
            }
            return message
        }
    }

    /// The ranges of the lines of `bytes`, each with its line ending.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            ranges.append(start..<(i + 1))
            start = i + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    static let envelope = Array("From ".utf8)

    static func isEnvelope(_ line: ArraySlice<UInt8>) -> Bool { line.starts(with: envelope) }

    /// `>From `, `>>From ` …: a body line that the mailbox quoted.
    static func isQuotedEnvelope(_ line: ArraySlice<UInt8>) -> Bool {
        let unquoted = line.drop(while: { $0 == UInt8(ascii: ">") })
        return unquoted.count < line.count && unquoted.starts(with: envelope)
    }
}
