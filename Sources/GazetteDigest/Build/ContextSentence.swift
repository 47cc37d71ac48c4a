import Foundation
import GazetteExtraction

/// The sentence around a span, from the text before it, the span and the text after it, cut by
/// the pipeline's own sentence splitter (so `$5.4bn`, `Mr. Smith` and `U.S.` do not end it).
enum ContextSentence {
    /// Longest context kept; longer sentences are cut with an ellipsis.
    static let maximumLength = 280

    static func around(before: String, span: String, after: String) -> String {
        let scalars = Array((before + span + after).unicodeScalars)
        let spanStart = before.unicodeScalars.count
        let spanEnd = spanStart + span.unicodeScalars.count
        let sentences = SentenceSplitter.split(scalars: scalars, tokens: Tokenizer.tokenize(scalars))
        var start = 0
        var end = scalars.count
        if let sentence = sentences.first(where: { $0.end > spanStart }) {
            start = min(sentence.start, spanStart)
            end = max(sentences.first(where: { $0.end >= spanEnd })?.end ?? scalars.count, spanEnd)
        }
        // A paragraph break ends a sentence too.
        if let newline = scalars[start..<spanStart].lastIndex(of: "\n") { start = newline + 1 }
        if let newline = scalars[spanEnd..<end].firstIndex(of: "\n") { end = newline }
        var head = String(String(String.UnicodeScalarView(scalars[start..<spanStart])).drop { $0.isWhitespace })
        var tail = String(String.UnicodeScalarView(scalars[spanEnd..<end]))
        if head.count + span.count + tail.count > maximumLength {
            let room = max(0, (maximumLength - span.count) / 2)
            if head.count > room { head = "…" + String(head.suffix(room)) }
            if tail.count > room { tail = String(tail.prefix(room)) + "…" }
        }
        return (head + span + tail).trimmingCharacters(in: .whitespaces)
    }
}
