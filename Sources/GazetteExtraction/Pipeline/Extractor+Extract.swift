import Foundation

extension Extractor {
    /// Runs the whole pipeline on one file: decode, read the format, clean up, find title,
    /// byline and publication time, build the body, then analyse it.
    ///
    /// - Throws: ``ExtractionError`` when the file is empty, binary, not decodable, or holds
    ///   no article text.
    public func extract(
        _ document: SourceDocument, options: ExtractionOptions = .init()
    ) throws(ExtractionError) -> ExtractionRecord {
        var timings: StageTimings? = nil
        return try extract(document, options: options, timings: &timings)
    }

    /// ``extract(_:options:)`` that also adds the time of each pipeline step to `timings`.
    public func extract(
        _ document: SourceDocument, options: ExtractionOptions = .init(), timings: inout StageTimings
    ) throws(ExtractionError) -> ExtractionRecord {
        var some: StageTimings? = timings
        defer { timings = some! }
        return try extract(document, options: options, timings: &some)
    }

    func extract(
        _ document: SourceDocument, options: ExtractionOptions, timings: inout StageTimings?
    ) throws(ExtractionError) -> ExtractionRecord {
        let (text, encoding) = try timings.measure("decode") { () throws(ExtractionError) in
            #if DEBUG
                FaultInjection.apply(to: document.bytes)
            #endif
            if let unsupported = UnsupportedFormat.detect(path: document.path, bytes: document.bytes) {
                throw .unsupported(unsupported)
            }
            let (text, encoding) = try TextDecoder.decode(document.bytes)
            guard text.contains(where: { !$0.isWhitespace }) else { throw .noText }
            return (text, encoding)
        }
        var metadata = ArticleMetadata()
        let body: String
        let format: ExtractionRecord.Format
        if options.raw {
            format = timings.measure("format") { FormatDetector.detect(path: document.path, text: text) }
            body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            (format, body, metadata) = try front(
                text, bytes: document.bytes, path: document.path, modified: document.modified, timings: &timings)
        }
        if let publishedAt = options.publishedAt {
            metadata.publishedAt = publishedAt
            metadata.publishedSource = .metadata
        } else if metadata.publishedAt == nil {
            metadata.publishedAt = document.modified
            metadata.publishedSource = .file
        }

        let analysis = analyze(body: body, publishedAt: metadata.publishedAt, timings: &timings)
        return timings.measure("record") {
            record(
                document, format: format, encoding: encoding, options: options, metadata: metadata, body: body,
                analysis: analysis)
        }
    }

    /// The record of an analysed article: the metadata, the stages' findings and what is computed
    /// over the whole text (lede title, language, word count, SimHash, SHA-256).
    func record(
        _ document: SourceDocument, format: ExtractionRecord.Format, encoding: String, options: ExtractionOptions,
        metadata: ArticleMetadata, body: String, analysis: Analysis
    ) -> ExtractionRecord {
        var metadata = metadata
        var record = ExtractionRecord(
            source: .init(
                path: document.path, sha256: document.sha256, format: format, encoding: metadata.encoding ?? encoding,
                bytes: document.bytes.count
            ))
        if !options.raw, metadata.title == nil, let lede = TitleFinder.lede(analysis.text) {
            metadata.title = lede
            metadata.titleSource = .lede
        }
        record.title = metadata.title
        record.titleSource = metadata.titleSource
        record.authors = metadata.authors
        record.authorSource = metadata.authors.isEmpty ? nil : metadata.authorSource ?? .metadata
        record.authorRole = metadata.authorRole
        record.publication = metadata.publication
        record.publishedAt = metadata.publishedAt.map { UTCDateTime.iso($0, offset: metadata.publishedOffset) }
        record.publishedSource = metadata.publishedSource
        record.language = analysis.language
        record.body = body
        record.wordCount = Self.wordCount(scalars: analysis.text.scalars, tokens: analysis.text.tokens)
        let analysed = analysis.text.body.utf8.count
        if analysed < body.utf8.count {
            record.analyzedChars = analysis.text.scalars.count
            let rest = body.utf8.index(body.startIndex, offsetBy: analysed)
            record.wordCount += AnalysisLimit.wordCount(of: body[rest...], limit: analysisLimit)
        }
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

    /// Format detection and reading, then ``clean(_:modified:)``: the format, the clean body and
    /// what was learnt. MIME files (e-mail, MHTML) are read from their bytes: each part has its
    /// own charset.
    func front(
        _ text: String, bytes: [UInt8], path: String, modified: Date, timings: inout StageTimings?
    ) throws(ExtractionError) -> (ExtractionRecord.Format, String, ArticleMetadata) {
        let (format, draft) = try timings.measure("format") { () throws(ExtractionError) in
            let format = FormatDetector.detect(path: path, text: text)
            let draft: ArticleDraft
            switch format {
            case .text: draft = ArticleDraft(lines: text.lines())
            case .markdown: draft = MarkdownReader.read(text)
            case .html: draft = FormatDetector.isMIME(text) ? EmailReader.read(bytes: bytes) : HTMLReader.read(text)
            case .email: draft = EmailReader.read(bytes: bytes)
            case .json: draft = try JSONArticleReader.read(text)
            }
            return (format, draft)
        }
        let (body, metadata) = try timings.measure("clean-up") { () throws(ExtractionError) in
            try clean(draft, modified: modified)
        }
        return (format, body, metadata)
    }

    /// Clean-up, title and paragraphs: the clean body and what was learnt.
    package func clean(_ draft: ArticleDraft, modified: Date) throws(ExtractionError) -> (String, ArticleMetadata) {
        var draft = draft
        var metadata = draft.metadata
        metadata.fillGaps(from: ArticleCleaner(modified: modified).clean(&draft.lines))
        if let title = metadata.title {
            // A structured title often repeats as the first line of the text.
            if let first = draft.lines.firstIndex(where: { !$0.isEmpty }),
                draft.lines[first].lowercased() == title.lowercased()
            {
                draft.lines[first] = ""
            }
        } else if let index = TitleFinder.headlineIndex(
            draft.lines, hardWrapped: ParagraphAssembler.isHardWrapped(draft.lines))
        {
            metadata.title = draft.lines[index]
            metadata.titleSource = .heading
            draft.lines[index] = ""
        }
        let body = ParagraphAssembler.paragraphs(draft.lines).joined(separator: "\n\n")
        guard !body.isEmpty else { throw .onlyBoilerplate }
        return (body, metadata)
    }

    /// Words in a text: word and number tokens, not counting a split-off possessive `’s`.
    static func wordCount(scalars: [Unicode.Scalar], tokens: [Token]) -> Int {
        tokens.reduce(0) { count, token in
            guard token.kind == .word || token.kind == .number else { return count }
            let first = scalars[token.start]
            return first == "'" || first == "\u{2019}" ? count : count + 1
        }
    }
}
