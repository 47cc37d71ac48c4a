import Foundation

/// Reads an e-mail message (`.eml`) or a saved page in MHTML (`.mhtml`, Chrome's "save as single
/// file"), both MIME.
///
/// A message: Subject is the title, Date the publication time, From the author and publication
/// (``EmailSender``). The body is the message's HTML part when it has one (read by
/// ``HTMLReader`` without its hidden elements, its horizontal rules kept as lines for
/// ``NewsletterDigest``), else its text part (without its links) — multipart trees of any
/// nesting, each part's transfer encoding and charset undone — less the newsletter furniture
/// (``NewsletterFurniture``). An MHTML file is a page: its HTML part is read as the page,
/// with the page's own metadata; the snapshot's headers (`Saved by Blink`, the save date) are not.
package enum EmailReader {
    package static func read(_ text: String) -> ArticleDraft { read(bytes: Array(text.utf8)) }

    package static func read(bytes: [UInt8]) -> ArticleDraft {
        let message = MIMEEntity(bytes[...])
        return isSnapshot(message) ? page(message) : read(message)
    }

    /// The articles of one file: a digest message's stories (``NewsletterDigest``), else the
    /// message or page as one article.
    package static func articles(bytes: [UInt8]) -> [ArticleDraft] {
        let message = MIMEEntity(bytes[...])
        if isSnapshot(message) { return [page(message)] }
        let draft = read(message)
        return NewsletterDigest.stories(in: draft) ?? [draft]
    }

    static func read(_ message: MIMEEntity) -> ArticleDraft {
        var draft = ArticleDraft(lines: [])
        if let subject = message["subject"].map(EncodedWords.decode), !subject.isEmpty {
            draft.metadata.title = subject
            draft.metadata.titleSource = .metadata
        }
        if let from = message["from"].map(EncodedWords.decode) {
            let isList =
                message["list-id"] != nil || message["list-unsubscribe"] != nil
                || ["bulk", "list"].contains(message["precedence"]?.lowercased() ?? "")
            let sender = EmailSender(
                from: from, isList: isList, listName: EmailSender.listName(message["list-id"].map(EncodedWords.decode)))
            draft.metadata.authors = sender.author.map { [$0] } ?? []
            draft.metadata.publication = sender.publication
        }
        if let date = message["date"], let match = DateParser.parse(date) {
            draft.metadata.publishedAt = match.date
            draft.metadata.publishedSource = .metadata
        }
        guard let content = bestPart(of: message, depth: 0) else { return draft }
        let (text, encoding) = content.text
        let lines =
            content.mediaType == "text/html"
            ? HTMLReader.read(NewsletterFurniture.stripHidden(text), rules: true).lines
            : NewsletterFurniture.stripLinks(text.lines())
        draft.lines = NewsletterFurniture.strip(lines)
        draft.metadata.encoding = encoding
        return draft
    }

    /// An MHTML snapshot rather than a message: Chrome's `Snapshot-Content-Location` header, a
    /// `Saved by` From, or a multipart/related whose root is HTML and that has no sender.
    static func isSnapshot(_ message: MIMEEntity) -> Bool {
        if message["snapshot-content-location"] != nil { return true }
        if message["from"]?.lowercased().contains("saved by") == true { return true }
        return message["from"] == nil && message.mediaType == "multipart/related"
            && message.parameter("type")?.lowercased() == "text/html"
    }

    /// The page an MHTML file holds: its root HTML part read as a web page.
    static func page(_ message: MIMEEntity) -> ArticleDraft {
        guard let root = bestPart(of: message, depth: 0) else { return ArticleDraft(lines: []) }
        let (text, encoding) = root.text
        var draft = root.mediaType == "text/html" ? HTMLReader.read(text) : ArticleDraft(lines: text.lines())
        draft.metadata.encoding = encoding
        return draft
    }

    /// The part that holds the readable text: of an alternative, the HTML part over the plain
    /// one; of a related, its root (the `start` part, else the first); of a mixed or other
    /// multipart, the first readable part that is not an attachment.
    static func bestPart(of entity: MIMEEntity, depth: Int) -> MIMEEntity? {
        let type = entity.mediaType
        if type == "text/html" || type == "text/plain" || type == "text/enriched" { return entity }
        if type == "message/rfc822", depth < MIMEEntity.maximumDepth {
            return bestPart(of: MIMEEntity(entity.decodedBody[...]), depth: depth + 1)
        }
        guard type.hasPrefix("multipart/"), depth < MIMEEntity.maximumDepth else { return nil }
        let parts = entity.parts.filter { !$0.isAttachment }
        let readable = parts.compactMap { bestPart(of: $0, depth: depth + 1) }
        switch type {
        case "multipart/alternative":
            return readable.first { $0.mediaType == "text/html" } ?? readable.first
        case "multipart/related":
            if let start = entity.parameter("start"), let root = parts.first(where: { $0["content-id"] == start }) {
                return bestPart(of: root, depth: depth + 1)
            }
            return readable.first
        default:
            return readable.first
        }
    }
}
