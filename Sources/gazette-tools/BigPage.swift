import ArgumentParser
import Foundation
import GazetteExtraction

/// A large web page built in memory from real pages, for `gazette-tools bench --html-size`:
/// the shapes that stress different parts of the reader and of the stages after it.
enum BigPage {
    enum Shape: String, CaseIterable, ExpressibleByArgument {
        /// The pages one after another, whole: one article wins, the rest is furniture.
        case pages
        /// One article of every page's paragraphs: the body is the whole page, so the analysis
        /// stages see megabytes of text.
        case article
        /// One table with a row per paragraph (a cut of its text, a number, a link).
        case table
        /// Every paragraph in a `<div>` inside the one before: as deep as there are paragraphs.
        case deep
    }

    /// `10MB`, `512KB`, `2000000`: bytes (MB and KB as powers of 1024).
    static func bytes(_ size: String) -> Int? {
        let upper = size.uppercased()
        for (suffix, scale) in [("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)] where upper.hasSuffix(suffix) {
            return Double(upper.dropLast(suffix.count)).map { Int($0 * Double(scale)) }.flatMap { $0 > 0 ? $0 : nil }
        }
        return Int(upper).flatMap { $0 > 0 ? $0 : nil }
    }

    /// A page of about `bytes` bytes (cut at the first piece that reaches the size) in `shape`.
    static func build(_ shape: Shape, bytes: Int, from pages: [SourceDocument]) -> [UInt8] {
        var out = Array("<!DOCTYPE html><html lang=\"en\"><head><title>A large page</title></head><body>\n".utf8)
        if shape == .pages {
            out = []
            while out.count < bytes { for page in pages where out.count < bytes { out += page.bytes } }
            return out
        }
        let paragraphs = pages.flatMap { Self.paragraphs(in: String(decoding: $0.bytes, as: UTF8.self)) }
        guard !paragraphs.isEmpty else { return out }
        var depth = 0
        out += Array((shape == .table ? "<table>\n" : "<article><h1>A large page</h1>\n").utf8)
        var k = 0
        while out.count < bytes {
            let text = paragraphs[k % paragraphs.count]
            let piece: String
            switch shape {
            case .pages, .article: piece = "<p>\(text)</p>\n"
            case .table:
                piece = "<tr><td>\(text.prefix(60))</td><td>\(k)</td><td><a href=\"/r/\(k)\">more</a></td></tr>\n"
            case .deep:
                piece = "<div class=\"level\"><p>\(text)</p>"
                depth += 1
            }
            out += Array(piece.utf8)
            k += 1
        }
        out += Array(String(repeating: "</div>", count: depth).utf8)
        out += Array((shape == .table ? "</table></body></html>\n" : "</article></body></html>\n").utf8)
        return out
    }

    /// The texts of a page's `<p>` elements of 40 characters or more, inner tags taken out
    /// (character references kept: the texts go back into HTML).
    static func paragraphs(in html: String) -> [String] {
        html.matches(of: /<p[ >][^>]*>?(.*?)<\/p>/.dotMatchesNewlines()).compactMap { match in
            let text = String(match.1).replacing(/<[^>]*>/, with: "").replacing(/\s+/, with: " ")
            return text.count >= 40 ? text : nil
        }
    }
}
