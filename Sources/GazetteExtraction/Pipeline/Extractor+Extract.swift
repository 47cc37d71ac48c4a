import Foundation

extension Extractor {
    /// Runs the whole pipeline on one file: decode, read the format, clean up, find title,
    /// byline and publication time, build the body, then analyse it.
    ///
    /// - Throws: ``ExtractionError`` when the file is empty, binary, not decodable, or holds
    ///   no article text.
    public func extract(_ document: SourceDocument, options: ExtractionOptions = .init()) throws(ExtractionError) -> ExtractionRecord {
        let (text, encoding) = try TextDecoder.decode(document.bytes)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .noText }
        let format = FormatDetector.detect(path: document.path, text: text)
        var metadata = ArticleMetadata()
        let body: String
        if options.raw {
            body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            (body, metadata) = try front(text, format: format, modified: document.modified)
        }
        if let publishedAt = options.publishedAt {
            metadata.publishedAt = publishedAt
            metadata.publishedSource = .metadata
        } else if metadata.publishedAt == nil {
            metadata.publishedAt = document.modified
            metadata.publishedSource = .file
        }

        let analysis = analyze(body: body, publishedAt: metadata.publishedAt)
        var record = ExtractionRecord(source: .init(
            path: document.path, sha256: SHA256.hex(of: document.bytes), format: format, encoding: encoding, bytes: document.bytes.count
        ))
        if !options.raw, metadata.title == nil, let lede = TitleFinder.lede(analysis.text) {
            metadata.title = lede
            metadata.titleSource = .lede
        }
        record.title = metadata.title
        record.titleSource = metadata.titleSource
        record.authors = metadata.authors
        record.authorRole = metadata.authorRole
        record.publication = metadata.publication
        record.publishedAt = metadata.publishedAt.map(UTCDateTime.iso)
        record.publishedSource = metadata.publishedSource
        record.language = LanguageDetector.detect(analysis.text)
        record.body = body
        record.wordCount = Self.wordCount(analysis.text)
        record.simhash = SimHash.hex(SimHash.hash(analysis.text))
        record.entities = analysis.entities
        record.quotes = analysis.quotes
        record.dates = analysis.dates
        record.amounts = analysis.amounts
        record.keyphrases = analysis.keyphrases
        record.summary = analysis.summary
        record.tone = analysis.tone
        return record
    }

    /// Format reading, clean-up, title and paragraphs: the clean body and what was learnt.
    func front(_ text: String, format: ExtractionRecord.Format, modified: Date) throws(ExtractionError) -> (String, ArticleMetadata) {
        var draft: ArticleDraft
        switch format {
        case .text: draft = ArticleDraft(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        case .markdown: draft = MarkdownReader.read(text)
        case .html: draft = HTMLReader.read(text)
        case .email: draft = EmailReader.read(text)
        case .json: draft = try JSONArticleReader.read(text)
        }
        var metadata = draft.metadata
        metadata.fillGaps(from: ArticleCleaner(modified: modified).clean(&draft.lines))
        if let title = metadata.title {
            // A structured title often repeats as the first line of the text.
            if let first = draft.lines.firstIndex(where: { !$0.isEmpty }), draft.lines[first].lowercased() == title.lowercased() {
                draft.lines[first] = ""
            }
        } else if let index = TitleFinder.headlineIndex(draft.lines, hardWrapped: ParagraphAssembler.isHardWrapped(draft.lines)) {
            metadata.title = draft.lines[index]
            metadata.titleSource = .heading
            draft.lines[index] = ""
        }
        let body = ParagraphAssembler.paragraphs(draft.lines).joined(separator: "\n\n")
        guard !body.isEmpty else { throw .onlyBoilerplate }
        return (body, metadata)
    }

    /// Words in the body: word and number tokens, not counting a split-off possessive `’s`.
    static func wordCount(_ text: AnalyzedText) -> Int {
        text.tokens.reduce(0) { count, token in
            guard token.kind == .word || token.kind == .number else { return count }
            let first = text.scalars[token.start]
            return first == "'" || first == "\u{2019}" ? count : count + 1
        }
    }
}
