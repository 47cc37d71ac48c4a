import Foundation

/// What a newsletter wraps its stories in: the hidden preheader, "View in browser", referral and
/// sharing prompts, sponsor blocks, the unsubscribe footer and the sender's postal address.
enum NewsletterFurniture {
    /// Inline styles and class names that hide an element (the preheader shown only in the inbox list).
    static let hiddenMarkers = [
        "display:none", "max-height:0", "mso-hide:all", "visibility:hidden", "opacity:0", "font-size:0", "preheader",
        "preview-text",
    ]

    /// Hidden elements removed at most, bytes a tag may span, and bytes searched for an
    /// element's end: bounds on hostile input.
    static let maximumHidden = 100
    static let maximumTagLength = 4_096
    static let maximumElementLength = 262_144

    /// Void elements: no closing tag to look for.
    static let voidElements: Set<String> = ["img", "br", "hr", "meta", "input", "link", "wbr", "area", "col", "source"]

    /// The HTML without its hidden elements (each removed with everything inside it).
    static func stripHidden(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var removed = 0
        while i < bytes.count {
            guard removed < maximumHidden, lower[i] == UInt8(ascii: "<"), let tag = Tag(lower, at: i), !tag.closing,
                hiddenMarkers.contains(where: tag.attributes(lower).contains)
            else {
                out.append(bytes[i])
                i += 1
                continue
            }
            removed += 1
            i = voidElements.contains(tag.name) ? tag.end : end(of: tag, in: lower)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the element opened by `tag` ends: after its matching closing tag (same name, nesting
    /// counted), else at the end of the opening tag when it is not closed within
    /// ``maximumElementLength`` bytes.
    static func end(of tag: Tag, in lower: [UInt8]) -> Int {
        var depth = 1
        var i = tag.end
        let limit = min(lower.count, tag.end + maximumElementLength)
        while i < limit {
            if lower[i] == UInt8(ascii: "<"), let next = Tag(lower, at: i), next.name == tag.name {
                depth += next.closing ? -1 : 1
                if depth == 0 { return next.end }
                i = next.end
            } else {
                i += 1
            }
        }
        return tag.end
    }

    /// An HTML tag read from lower-cased bytes: its name and where it ends.
    struct Tag {
        let name: String
        let closing: Bool
        /// Where the attributes start, and the index just after the `>`.
        let attributesStart: Int
        let end: Int

        /// The attributes' text, without white space (`style="display:none"`).
        func attributes(_ lower: [UInt8]) -> String {
            String(
                decoding: lower[attributesStart..<(end - 1)].filter {
                    $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D
                }, as: UTF8.self)
        }

        init?(_ lower: [UInt8], at start: Int) {
            var i = start + 1
            closing = i < lower.count && lower[i] == UInt8(ascii: "/")
            if closing { i += 1 }
            let nameStart = i
            while i < lower.count, (0x61...0x7A).contains(lower[i]) || (0x30...0x39).contains(lower[i]) { i += 1 }
            guard i > nameStart,
                let close = lower[i..<min(lower.count, i + NewsletterFurniture.maximumTagLength)].firstIndex(
                    of: UInt8(ascii: ">"))
            else { return nil }
            name = String(decoding: lower[nameStart..<i], as: UTF8.self)
            attributesStart = i
            end = close + 1
        }
    }

    /// Lines (lower-cased) that are furniture wherever they stand, by beginning.
    static let linePrefixes = [
        "view in browser", "view this email in your browser", "view this email in a browser", "view online",
        "view it in your browser", "view in your browser", "view as a web page", "view as webpage",
        "having trouble viewing this", "read in browser", "read online", "read in app", "open in app",
        "forwarded this email", "forward this email", "forward to a friend", "share this email",
        "share this newsletter",
        "refer a friend", "refer your friends", "invite your friends", "share the newsletter", "get rewards",
        "earn rewards", "you're on the free list", "you’re on the free list", "upgrade to paid",
        "click here to unsubscribe",
        "add us to your address book", "was this email forwarded to you", "did someone forward you this",
    ]

    /// Whole lines (lower-cased) that are a newsletter's buttons.
    static let buttons: Set<String> = [
        "like", "comment", "restack", "share", "reply", "subscribe", "upgrade", "listen", "read more", "donate",
    ]

    /// Lines (lower-cased) that start a sponsor block.
    static let sponsorMarkers = [
        "sponsored by", "presented by", "together with", "a message from", "this newsletter is sponsored",
        "from our sponsor",
        "sponsor", "sponsored", "partner content", "in partnership with", "paid post", "advertisement",
        "brought to you by",
    ]

    /// Lines (lower-cased) that start the footer, which runs to the end of the message.
    static let footerMarkers = [
        "unsubscribe", "manage your subscription", "manage subscription", "update your preferences",
        "email preferences",
        "you are receiving this", "you're receiving this", "you’re receiving this", "you received this",
        "this email was sent to",
        "our mailing address is", "no longer want to receive", "to stop receiving", "sent to you because",
    ]

    /// `123 Main Street`, `Suite 400`, `PO Box 12`, `Brooklyn, NY 11201`, `London EC1A 1BB`: a postal
    /// address line.
    static let address = try! NSRegularExpression(
        pattern:
            #"\b\d{1,5} (?:[A-Z][\w'.-]* ){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Square)\b|\bSuite \d+|\bP\.?O\.? Box \d|, [A-Z]{2},? \d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"#
    )

    /// A link in a text/plain newsletter: `<https://…>`, `[https://…]`, `(https://…)` or bare.
    static let link = try! NSRegularExpression(pattern: #"\s*[<\[(]?https?://[^\s>\])]+[>\])]?"#)

    /// A text/plain newsletter's lines without their (mostly tracking) links; a line that was
    /// only links goes.
    static func stripLinks(_ lines: [String]) -> [String] {
        lines.compactMap { line in
            guard line.contains("://") else { return line }
            let stripped = link.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "")
            let trimmed = stripped.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.allSatisfy({ ":-–—|•".contains($0) }) ? nil : stripped
        }
    }

    /// The lines without furniture: a footer (in the second half) is cut with all after it; a
    /// sponsor block is dropped from its marker for up to three paragraphs, or up to the next
    /// heading-like line or rule; single furniture lines are dropped.
    static func strip(_ lines: [String]) -> [String] {
        var out: [String] = []
        var sponsorParagraphs = 0
        var droppedText = false
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lower = trimmed.lowercased()
            if lower.isEmpty {
                if droppedText {
                    sponsorParagraphs -= 1
                    droppedText = false
                }
                out.append("")
                continue
            }
            if NewsletterDigest.isRule(trimmed) {
                // A rule ends a sponsor block: the next story starts after it.
                sponsorParagraphs = 0
                droppedText = false
                out.append(line)
                continue
            }
            guard lower.count <= 300 else {
                if sponsorParagraphs > 0 { droppedText = true } else { out.append(line) }
                continue
            }
            if index * 2 >= lines.count,
                footerMarkers.contains(where: { lower.hasPrefix($0) || (lower.count < 160 && lower.contains($0)) })
            {
                break
            }
            if lower.count <= 80,
                sponsorMarkers.contains(where: { lower == $0 || lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") }
                )
            {
                sponsorParagraphs = 3
                droppedText = false
                continue
            }
            if sponsorParagraphs > 0 {
                let startsParagraph = out.last?.isEmpty ?? true
                let heading = trimmed.count <= 80 && !".!?:,;".contains(trimmed.last!)
                if !(startsParagraph && heading && sponsorParagraphs < 3) {
                    droppedText = true
                    continue
                }
                sponsorParagraphs = 0
            }
            if buttons.contains(lower) || linePrefixes.contains(where: { lower.hasPrefix($0) }) { continue }
            if lower.count <= 150, address.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                continue
            }
            out.append(line)
        }
        return out
    }
}
