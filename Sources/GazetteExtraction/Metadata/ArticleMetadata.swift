import Foundation

/// What the front of the pipeline learns about an article besides its body: from structured
/// fields (HTML meta tags, email headers, JSON, Markdown front matter) or from lines in the text.
package struct ArticleMetadata: Sendable, Equatable {
    var title: String?
    var titleSource: ExtractionRecord.TitleSource?
    var authors: [String] = []
    var authorSource: ExtractionRecord.AuthorSource?
    var authorRole: String?
    var publication: String?
    var publishedAt: Date?
    var publishedSource: ExtractionRecord.PublishedSource?
    /// The charset of the part the text came from, when it is not the file's (a MIME part's).
    var encoding: String?
    /// The UTC offset in seconds the source gave with the publication time, if any.
    var publishedOffset: Int?

    /// The latest publication time a file can claim: its modification time and a day of slack
    /// (time zones, clocks). Nil for a file time before 1995, which says nothing about its text
    /// (an archive's zero time). Later dates are sentinels (`2099-12-31`) or other mistakes.
    static func latestPublication(modified: Date) -> Date? {
        modified < earliestFileTime ? nil : modified.addingTimeInterval(86_400)
    }

    /// 1995-01-01: file times before it bound nothing.
    static let earliestFileTime = Date(timeIntervalSince1970: 788_918_400)

    /// Forgets a publication time later than `latest`.
    mutating func dropPublication(after latest: Date?) {
        guard let latest, let publishedAt, publishedAt > latest else { return }
        self.publishedAt = nil
        publishedSource = nil
        publishedOffset = nil
    }

    /// Fills the fields still empty from `other` (structured metadata wins over text clues).
    mutating func fillGaps(from other: ArticleMetadata) {
        if title == nil, let t = other.title {
            title = t
            titleSource = other.titleSource
        }
        if authors.isEmpty {
            authors = other.authors
            authorSource = other.authorSource
        }
        if authorRole == nil { authorRole = other.authorRole }
        if publication == nil { publication = other.publication }
        if publishedAt == nil, let p = other.publishedAt {
            publishedAt = p
            publishedSource = other.publishedSource
            publishedOffset = other.publishedOffset
        }
    }
}

/// A document after format-specific reading: text lines (blank lines kept) plus metadata.
package struct ArticleDraft: Sendable {
    var lines: [String]
    var metadata = ArticleMetadata()
}

/// One article of a file that may hold several (a feed's item, a mailbox's message, a digest's
/// story), and what reading it gave: a part that cannot be read is skipped, not fatal for the file.
package struct FilePart: Sendable {
    /// Where in the file (`item 3`, `message 2, story 4`); nil for a file that holds one article.
    package var locator: String?
    package var draft: Result<ArticleDraft, ExtractionError>

    /// The one article of a file that holds one.
    static func whole(_ draft: ArticleDraft) -> [FilePart] { [FilePart(locator: nil, draft: .success(draft))] }

    /// Parts numbered from 1 with `noun` (`item 1`, `item 2` …), or the single part without a
    /// locator when there is only one.
    static func numbered(_ drafts: [Result<ArticleDraft, ExtractionError>], noun: String) -> [FilePart] {
        guard drafts.count > 1 else { return drafts.map { FilePart(locator: nil, draft: $0) } }
        return drafts.enumerated().map { FilePart(locator: "\(noun) \($0.offset + 1)", draft: $0.element) }
    }
}
