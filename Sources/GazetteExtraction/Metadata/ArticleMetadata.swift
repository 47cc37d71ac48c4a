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
