import Foundation

/// Decides a file's format: by extension when it names one, else by sniffing the text.
enum FormatDetector {
    static let extensions: [String: ExtractionRecord.Format] = [
        "md": .markdown, "markdown": .markdown, "mdown": .markdown, "mkd": .markdown,
        "html": .html, "htm": .html, "xhtml": .html,
        "eml": .email, "mbox": .email,
        // A web page saved as one MIME file (Chrome's "save as single file"): read as a page.
        "mhtml": .html, "mht": .html,
        "json": .json, "jsonl": .json, "ndjson": .json,
        "rss": .feed, "atom": .feed,
    ]

    /// Extensions of JSON Lines files: one JSON value per line.
    static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]

    /// Headers that mark the start of an email message.
    static let emailHeaders: Set<String> = [
        "from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path", "cc", "reply-to",
        "content-type",
    ]

    /// An `.xml` file is sniffed: a feed when it looks like one (``FeedReader/looksLikeFeed(_:)``).
    static func detect(path: String, text: String) -> ExtractionRecord.Format {
        let ext = (path as NSString).pathExtension.lowercased()
        if let format = extensions[ext] { return format }
        return sniff(text)
    }

    static func sniff(_ text: String) -> ExtractionRecord.Format {
        if MailboxReader.startsAsMailbox(text) { return .email }
        if startsAsPlainText(text) { return .text }
        let head = String(text.prefix(2_000)).trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = head.lowercased()
        if FeedReader.looksLikeFeed(lower) { return .feed }
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html")
            || (lower.hasPrefix("<") && lower.contains("<body"))
        {
            return .html
        }
        if head.hasPrefix("{"), let data = text.data(using: .utf8) {
            if (try? JSONSerialization.jsonObject(with: data)) is [String: Any] { return .json }
            // JSON Lines: the text is not one value, but its first line is an object.
            let first = text.drop(while: \.isWhitespace).prefix(while: { !$0.isNewline })
            if (try? JSONSerialization.jsonObject(with: Data(first.utf8))) is [String: Any] { return .json }
        }
        if looksLikeEmail(head) { return lower.contains("snapshot-content-location:") ? .html : .email }
        if head.hasPrefix("# ") || (head.hasPrefix("---\n") && lower.contains("\ntitle:"))
            || (head.hasPrefix("+++\n") && lower.contains("\ntitle"))
        {
            return .markdown
        }
        return .text
    }

    /// A text that can only be `.text`, decided from its first word: it starts with none of the
    /// marks of the other formats (`<`, `{`, `#`, `-`, `+`, whitespace) and its first word is not an
    /// email header name (letters and hyphens before a `:`). Most articles are settled here
    /// without the trimming and line splitting of the full sniff.
    static func startsAsPlainText(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), first.value > 0x20, first.value < 0x7F,
            !"<{#-+".unicodeScalars.contains(first)
        else { return false }
        var c: Unicode.Scalar? = first
        var letters = 0
        while let s = c, s.isASCII, s.properties.isAlphabetic || s == "-" {
            letters += 1
            c = scalars.next()
        }
        guard let stop = c else { return true }
        return stop.isASCII && !(stop == ":" && letters > 0)
    }

    /// A MIME file (an MHTML page, a message) rather than markup: it starts with headers.
    static func isMIME(_ text: String) -> Bool {
        !text.hasPrefix("<") && looksLikeEmail(String(text.prefix(2_000)))
    }

    /// The first lines are `Name: value` headers, at least two of them well-known email ones.
    static func looksLikeEmail(_ head: String) -> Bool {
        var known = 0
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t" { continue }
            guard let colon = line.firstIndex(of: ":") else { return false }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
            if emailHeaders.contains(name.lowercased()) { known += 1 }
        }
        return known >= 2
    }
}
