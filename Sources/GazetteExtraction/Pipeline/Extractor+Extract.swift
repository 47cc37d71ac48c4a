import Foundation

extension Extractor {
    /// The most articles Gazette takes from one file (feed items, mailbox messages, JSON array
    /// elements, digest stories); a file with more is refused with ``ExtractionError/tooManyParts(found:limit:)``.
    public static let maximumParts = 10_000

    /// Runs the whole pipeline on one file: decode, read the format, clean up, find title,
    /// byline and publication time, build the body, then analyse it. Of a file that holds several
    /// articles, the first; ``extractFile(_:options:)`` gives them all.
    ///
    /// - Throws: ``ExtractionError`` when the file is empty, binary, not decodable, or holds
    ///   no article text.
    public func extract(
        _ document: SourceDocument, options: ExtractionOptions = .init()
    ) throws(ExtractionError) -> ExtractionRecord {
        try extractFile(document, options: options).records[0]
    }

    /// ``extract(_:options:)`` that also adds the time of each pipeline step to `timings`.
    public func extract(
        _ document: SourceDocument, options: ExtractionOptions = .init(), timings: inout StageTimings
    ) throws(ExtractionError) -> ExtractionRecord {
        try extractFile(document, options: options, timings: &timings).records[0]
    }

    /// Every article of one file: one record for most files, one per item, message or story of
    /// a feed, mailbox, JSON array or digest newsletter (each with its `source.part`). A part
    /// without article text is skipped and listed; the file fails only when no part has text.
    ///
    /// - Throws: ``ExtractionError`` when the file cannot be read, holds more than
    ///   ``maximumParts`` articles, or none with text.
    public func extractFile(
        _ document: SourceDocument, options: ExtractionOptions = .init()
    ) throws(ExtractionError) -> ExtractedFile {
        var timings: StageTimings? = nil
        return try extractFile(document, options: options, timings: &timings)
    }

    /// ``extractFile(_:options:)`` that also adds the time of each pipeline step to `timings`.
    public func extractFile(
        _ document: SourceDocument, options: ExtractionOptions = .init(), timings: inout StageTimings
    ) throws(ExtractionError) -> ExtractedFile {
        var some: StageTimings? = timings
        defer { timings = some! }
        return try extractFile(document, options: options, timings: &some)
    }

    func extractFile(
        _ document: SourceDocument, options: ExtractionOptions, timings: inout StageTimings?
    ) throws(ExtractionError) -> ExtractedFile {
        var decoded = try timings.measure("decode") { () throws(ExtractionError) in
            #if DEBUG
                FaultInjection.apply(to: document.bytes)
            #endif
            if let unsupported = UnsupportedFormat.detect(path: document.path, bytes: document.bytes) {
                throw .unsupported(unsupported)
            }
            let decoded = try TextDecoder.decode(document.bytes)
            guard decoded.text.contains(where: { !$0.isWhitespace }) else { throw .noText }
            return decoded
        }
        let encoding = decoded.encoding
        if options.raw {
            let format = timings.measure("format") { FormatDetector.detect(path: document.path, text: decoded.text) }
            let body = decoded.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let record = article(
                document, format: format, encoding: encoding, options: options, metadata: ArticleMetadata(),
                body: body, part: nil, timings: &timings)
            return ExtractedFile(records: [record], skipped: [])
        }
        let format: ExtractionRecord.Format
        var parts: [FilePart]
        (format, parts) = try timings.measure("format") { () throws(ExtractionError) in
            try read(decoded.text, bytes: document.bytes, path: document.path, modified: document.modified)
        }
        // The drafts hold what is needed of the text: its memory goes before the analysis.
        decoded.text = ""
        var file = ExtractedFile(records: [], skipped: [])
        let count = parts.count
        // Each part leaves the list before its draft is cleaned, so that the draft's lines are the
        // only copy and are cleaned in place.
        parts.reverse()
        while let part = parts.popLast() {
            let locator = part.locator
            do throws(ExtractionError) {
                var draft = try (consume part).draft.get()
                let (body, metadata) = try timings.measure("clean-up") { () throws(ExtractionError) in
                    try clean(&draft, modified: document.modified)
                }
                // The body holds the lines now; the analysis needs their memory.
                draft.lines = []
                file.records.append(
                    article(
                        document, format: format, encoding: encoding, options: options, metadata: metadata,
                        body: body, part: locator, timings: &timings))
            } catch {
                guard count > 1 else { throw error }
                file.skipped.append(ExtractedFile.Skipped(part: locator ?? "", error: error))
            }
        }
        guard !file.records.isEmpty else { throw .noArticleInParts(count: count) }
        return file
    }

    /// The analysis and record of one article whose front is done.
    func article(
        _ document: SourceDocument, format: ExtractionRecord.Format, encoding: String, options: ExtractionOptions,
        metadata: ArticleMetadata, body: String, part: String?, timings: inout StageTimings?
    ) -> ExtractionRecord {
        var metadata = metadata
        if let publishedAt = options.publishedAt {
            metadata.publishedAt = publishedAt
            metadata.publishedSource = .metadata
        } else if metadata.publishedAt == nil {
            metadata.publishedAt = document.modified
            metadata.publishedSource = .file
        }

        // An undated article's file time is a guess: relative dates are not resolved against it.
        let anchor = metadata.publishedSource == .file ? nil : metadata.publishedAt
        let analysis = analyze(body: body, publishedAt: anchor, timings: &timings)
        return timings.measure("record") {
            var record = record(
                document, format: format, encoding: encoding, options: options, metadata: metadata, body: body,
                analysis: analysis)
            record.source.part = part
            return record
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
            record.wordCount += AnalysisLimit.wordCount(
                of: body[rest...], limit: analysisLimit, after: analysis.text.scalars.last)
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

    /// Format detection and reading: the format and the file's articles, each still to clean.
    /// MIME files (e-mail, MHTML) are read from their bytes: each part has its own charset. A
    /// web page's publication time is the best of its dates not after the file's time
    /// (``ArticleMetadata/latestPublication(modified:)``).
    func read(
        _ text: String, bytes: [UInt8], path: String, modified: Date
    ) throws(ExtractionError) -> (
        ExtractionRecord.Format, [FilePart]
    ) {
        let format = FormatDetector.detect(path: path, text: text)
        let parts: [FilePart]
        switch format {
        case .text: parts = FilePart.whole(ArticleDraft(lines: text.lines()))
        case .markdown: parts = FilePart.whole(MarkdownReader.read(text))
        case .html:
            parts = FilePart.whole(
                FormatDetector.isMIME(text)
                    ? EmailReader.read(bytes: bytes)
                    : HTMLReader.read(text, latest: ArticleMetadata.latestPublication(modified: modified)))
        case .email: parts = try Self.mail(bytes)
        case .json:
            let ext = (path as NSString).pathExtension.lowercased()
            parts = try JSONArticleReader.read(text, jsonLines: FormatDetector.jsonLinesExtensions.contains(ext))
        case .feed: parts = try FeedReader.read(text, limit: Self.maximumParts)
        }
        guard parts.count <= Self.maximumParts else {
            throw .tooManyParts(found: parts.count, limit: Self.maximumParts)
        }
        return (format, parts)
    }

    /// The articles of a message or mailbox: `message N` for each message of a mailbox, `story K`
    /// for each story of a digest, each level named only when it has more than one.
    static func mail(_ bytes: [UInt8]) throws(ExtractionError) -> [FilePart] {
        let messages = try MailboxReader.messages(bytes, limit: maximumParts) ?? [bytes]
        var parts: [FilePart] = []
        for (index, message) in messages.enumerated() {
            let stories = EmailReader.articles(bytes: message)
            let prefix = messages.count > 1 ? "message \(index + 1)" : nil
            for (story, draft) in stories.enumerated() {
                let name = stories.count > 1 ? "story \(story + 1)" : nil
                let locator = [prefix, name].compactMap { $0 }.joined(separator: ", ")
                parts.append(FilePart(locator: locator.isEmpty ? nil : locator, draft: .success(draft)))
            }
            if parts.count > maximumParts { throw .tooManyParts(found: parts.count, limit: maximumParts) }
        }
        return parts
    }

    /// Clean-up, title and paragraphs: the clean body and what was learnt. The draft's lines are
    /// cleaned in place (a copy of millions of lines would cost as much as the text). A
    /// publication time later than the file's (and a day) is dropped, for a dateline or the
    /// file's time to replace.
    package func clean(
        _ draft: inout ArticleDraft, modified: Date
    ) throws(ExtractionError) -> (String, ArticleMetadata) {
        var metadata = draft.metadata
        metadata.dropPublication(after: ArticleMetadata.latestPublication(modified: modified))
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
        let body = ParagraphAssembler.body(draft.lines)
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
