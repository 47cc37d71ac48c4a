/// Why a file could not be turned into an article, with the pipeline stage that gave up.
///
/// Descriptions are one sentence for the user and never quote the article's text.
public enum ExtractionError: Error, CustomStringConvertible, Equatable {
    /// The file has no bytes at all.
    case emptyFile
    /// NUL bytes or many control characters: an image, archive or other binary file.
    case binaryContent
    /// Bytes that no supported encoding can read (e.g. a UTF-16 file with a broken surrogate).
    case undecodable(encoding: String)
    /// The file decodes, but holds only whitespace.
    case noText
    /// A structured file (JSON) whose syntax is broken.
    case malformed(format: ExtractionRecord.Format)
    /// One part of a structured file (a feed's item) whose syntax is broken: left out, the
    /// file's other parts read.
    case malformedPart(format: ExtractionRecord.Format)
    /// A structured file that parses but has no field with article text.
    case noArticleText(format: ExtractionRecord.Format)
    /// A kind of file Gazette does not read (PDF, Word, image, archive, script …).
    case unsupported(UnsupportedFormat)
    /// Clean-up removed everything: the file held only boilerplate (share buttons, timestamps, bylines).
    case onlyBoilerplate
    /// A file of several articles (feed, mailbox, JSON array) holding more than Gazette takes from one file.
    case tooManyParts(found: Int, limit: Int)
    /// A file of several articles none of which has article text.
    case noArticleInParts(count: Int)

    /// The pipeline stage that failed, e.g. `decode`.
    public var stage: String {
        switch self {
        case .emptyFile, .binaryContent, .undecodable, .noText: "decode"
        case .malformed, .malformedPart, .noArticleText, .unsupported, .tooManyParts: "format"
        case .onlyBoilerplate, .noArticleInParts: "clean-up"
        }
    }

    public var description: String {
        switch self {
        case .emptyFile:
            "The file is empty."
        case .binaryContent:
            "The file holds binary data (NUL bytes or control characters), not text."
        case .undecodable(let encoding):
            "The file is not valid text in any supported encoding (it starts like \(encoding) but its bytes are broken)."
        case .noText:
            "The file holds no text, only whitespace."
        case .malformed(.feed):
            "The file is not a well-formed RSS or Atom feed, so its items cannot be read."
        case .malformed(let format):
            "The file is not valid \(format.rawValue.uppercased()), so its article fields cannot be read."
        case .malformedPart(.feed):
            "This item of the feed is not well-formed XML, so it was left out; the feed's other items were read."
        case .malformedPart(let format):
            "This part of the \(format.rawValue.uppercased()) file is not well-formed, so it was left out; the file's other parts were read."
        case .noArticleText(.feed):
            "The feed has no item with article text (no content, description or summary)."
        case .noArticleText(let format):
            "The \(format.rawValue.uppercased()) file has no article text (no field such as body, text or articleBody)."
        case .unsupported(let format):
            "The file is \(format.name), which Gazette does not read: \(format.advice)."
        case .onlyBoilerplate:
            "The file holds only page furniture (share links, timestamps, bylines) and no article text."
        case .tooManyParts(let found, let limit):
            "The file holds \(found) articles (items or messages), more than the \(limit) Gazette takes from one file: split it into smaller files."
        case .noArticleInParts(let count):
            "None of the file's \(count) articles (items, messages or stories) has article text."
        }
    }
}
