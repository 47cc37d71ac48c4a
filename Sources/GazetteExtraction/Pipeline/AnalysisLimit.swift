/// How much of a body the analysis reads, which bounds the memory of one extraction whatever
/// the file's shape (issue 14.17).
///
/// The analysis keeps several arrays per Unicode scalar and per token (``AnalyzedText``, the
/// tagger's features, the stages' own tables): about 70 bytes per byte of body, 1.3 GB for a
/// 19 MiB text. A longer body is stored whole, but only its start is analysed (language,
/// entities, quotes, dates, amounts, keyphrases, summary, tone, SimHash); its words are still
/// all counted, a chunk at a time. The record says so in ``ExtractionRecord/analyzedChars``.
public enum AnalysisLimit {
    /// Unicode scalars: about 170,000 English words, where an article is rarely over 20,000.
    public static let scalars = 1_000_000

    /// The start of `text` to analyse: all of it when it has at most `limit` scalars, else
    /// cut before the limit at the last paragraph break, else line break, else space in the
    /// last tenth (whole paragraphs or words, not half of one), else at the limit itself.
    static func prefix(of text: Substring, limit: Int = scalars) -> Substring {
        let view = text.unicodeScalars
        guard let end = view.index(view.startIndex, offsetBy: limit, limitedBy: view.endIndex), end < view.endIndex
        else { return text }
        let floor = view.index(end, offsetBy: -limit / 10)
        for separator: [Unicode.Scalar] in [["\n", "\n"], ["\n"], [" "]] {
            var i = end
            while i > floor {
                let before = view.index(before: i)
                if view[before] == separator.last! {
                    guard separator.count == 2 else { return text[text.startIndex..<before] }
                    let first = view.index(before: before)
                    if first > floor, view[first] == separator.first! { return text[text.startIndex..<first] }
                }
                i = before
            }
        }
        return text[text.startIndex..<end]
    }

    /// Words in `text` as ``Extractor/wordCount(scalars:tokens:)`` counts them, tokenised
    /// `limit` scalars at a time so that a long remainder costs no more memory than the analysis.
    /// `previous` is the scalar before `text` (the end of the analysed start): a word it is part
    /// of was counted there.
    static func wordCount(of text: Substring, limit: Int = scalars, after previous: Unicode.Scalar? = nil) -> Int {
        var count = 0
        var rest = text
        var previous = previous
        while !rest.isEmpty {
            let chunk = prefix(of: rest, limit: limit)
            let scalars = String(chunk).scalarArray
            count += Extractor.wordCount(scalars: scalars, tokens: Tokenizer.tokenize(scalars))
            // A chunk cut inside a word (no break in the last tenth) counts that word again.
            if let previous, let first = scalars.first, isWordScalar(previous), isWordScalar(first) { count -= 1 }
            previous = scalars.last
            rest = rest[chunk.endIndex...]
        }
        return count
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
