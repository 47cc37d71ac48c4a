import Foundation

/// The sentence around a span, from the text before it, the span and the text after it.
enum ContextSentence {
    /// Longest context kept; longer sentences are cut with an ellipsis.
    static let maximumLength = 280

    static func around(before: String, span: String, after: String) -> String {
        let start = before.lastIndex { ".!?\n".contains($0) }.map { before.index(after: $0) } ?? before.startIndex
        var head = String(before[start...].drop { $0.isWhitespace })
        var tail = String(after.prefix { $0 != "\n" })
        if let end = tail.firstIndex(where: { ".!?".contains($0) }) {
            tail = String(tail[...end])
        }
        if head.count + span.count + tail.count > maximumLength {
            let room = max(0, (maximumLength - span.count) / 2)
            if head.count > room { head = "…" + String(head.suffix(room)) }
            if tail.count > room { tail = String(tail.prefix(room)) + "…" }
        }
        return (head + span + tail).trimmingCharacters(in: .whitespaces)
    }
}
