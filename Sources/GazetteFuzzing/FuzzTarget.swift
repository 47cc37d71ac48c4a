import Foundation
import GazetteExtraction

/// One entry point of the extraction pipeline driven with arbitrary bytes, as libFuzzer and the
/// crasher replay tests call it.
///
/// A crash is the finding; a result that breaks the record contract comes back as a list of
/// violations. Refusals (``ExtractionError``) are fine: they are how the pipeline says no.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// ``Extractor/extract(_:options:)`` on the bytes as a file. The first byte picks the file
    /// name and the mode (``ExtractInput``), the rest is the file.
    case extract
    /// ``Extractor/analyze(body:publishedAt:)`` on the bytes read as UTF-8 (broken sequences
    /// become U+FFFD), without the front's decoding and clean-up.
    case analyze
    /// One format reader on the decoded file (as ``TextDecoder`` hands it over in the pipeline),
    /// then the clean-up that follows every reader.
    case html, email, markdown, json

    /// The fixed file time and publication time: resolving relative dates needs one.
    static let anchor = Date(timeIntervalSince1970: 1_764_842_400)

    /// Runs the entry point on `bytes`; the broken invariants of its result, empty when all hold.
    public func run(_ bytes: [UInt8]) -> [String] {
        switch self {
        case .extract:
            let input = ExtractInput(bytes)
            let document = SourceDocument(path: input.path, bytes: input.file, modified: Self.anchor)
            guard let file = try? sharedExtractor.extractFile(document, options: .init(raw: input.raw)) else {
                return []
            }
            return file.records.flatMap { Invariants.violations(in: $0) }
        case .analyze:
            return Invariants.violations(
                in: sharedExtractor.analyze(body: String(decoding: bytes, as: UTF8.self), publishedAt: Self.anchor))
        case .html: return readAndClean(bytes) { [HTMLReader.read($0)] }
        case .email: return readAndClean(bytes) { EmailReader.articles(bytes: Array($0.utf8)) }
        case .markdown: return readAndClean(bytes) { [MarkdownReader.read($0)] }
        case .json:
            return readAndClean(bytes) { text throws(ExtractionError) in
                try JSONArticleReader.read(text).compactMap { try? $0.draft.get() }
            }
        }
    }

    /// A reader target: no invariants beyond not crashing, as the reader's lines are no record yet.
    func readAndClean(_ bytes: [UInt8], _ read: (String) throws(ExtractionError) -> [ArticleDraft]) -> [String] {
        guard let text = try? TextDecoder.decode(bytes).text, let drafts = try? read(text) else { return [] }
        for var draft in drafts { _ = try? sharedExtractor.clean(&draft, modified: Self.anchor) }
        return []
    }
}

/// Loaded once: building an extractor loads the analysis resources.
let sharedExtractor = Extractor()

/// The `extract` target's input: a first byte that chooses the file name (hence the format, by
/// extension or, for `article`, by sniffing) and raw mode, then the file's bytes.
///
/// First byte `b`: name `names[b % 6]`, raw when `b / 6` is odd; so 0–5 are the names in
/// order and 6–11 the same names in raw mode.
public struct ExtractInput: Sendable {
    public static let names = ["article.txt", "article.md", "article.html", "message.eml", "article.json", "article"]

    public var path: String
    public var raw: Bool
    public var file: [UInt8]

    public init(_ bytes: [UInt8]) {
        let selector = Int(bytes.first ?? 0)
        path = Self.names[selector % Self.names.count]
        raw = (selector / Self.names.count) % 2 == 1
        file = Array(bytes.dropFirst())
    }
}
