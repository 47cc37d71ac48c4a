import Foundation
import GazetteExtraction
import GazetteStore

/// Each article as a TF-IDF vector over the words of its headline and opening paragraphs,
/// weighed against the window it is in: words every article uses count for little, words only
/// a few share count for much.
struct StoryVectors {
    /// Paragraphs of the body read after the headline: what the story is about, before the
    /// background and the quotes (two scored better than one, three or more).
    static let leadParagraphs = 2
    /// Words carried by more than this share of a large window (and by more than 20 articles)
    /// are left out: they say nothing about which story an article tells, and comparing
    /// through them costs quadratic time. A day's biggest story rarely has 1% of its articles.
    static let commonShare = 0.01

    /// Unit-length sparse vectors, one per article: (word index, weight), sorted by word.
    private(set) var vectors: [[(word: Int, weight: Double)]] = []
    private var postings: [[(article: Int, weight: Double)]] = []

    init(_ articles: [DigestSlice.Article]) {
        var words: [String: Int] = [:]
        var counts: [[Int: Int]] = []
        var documentFrequency: [Int] = []
        for article in articles {
            var count: [Int: Int] = [:]
            for word in Self.words(title: article.title, lead: article.lead) {
                let index =
                    words[word]
                    ?? {
                        words[word] = words.count
                        documentFrequency.append(0)
                        return words.count - 1
                    }()
                count[index, default: 0] += 1
            }
            for index in count.keys { documentFrequency[index] += 1 }
            counts.append(count)
        }
        let n = Double(articles.count)
        let ceiling = max(20, Int(n * Self.commonShare))
        postings = Array(repeating: [], count: words.count)
        for (article, count) in counts.enumerated() {
            var vector = count.compactMap { word, tf -> (word: Int, weight: Double)? in
                let df = documentFrequency[word]
                guard df <= ceiling else { return nil }
                let termWeight: Double = 1 + log(Double(tf))
                let rarity: Double = log((n + 1) / Double(df + 1)) + 1
                return (word, termWeight * rarity)
            }
            let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            if norm > 0 { vector = vector.map { ($0.word, $0.weight / norm) } }
            vector.sort { $0.word < $1.word }
            for entry in vector { postings[entry.word].append((article, entry.weight)) }
            vectors.append(vector)
        }
    }

    /// Cosine similarities of pairs of articles that share words: for each article, its
    /// `neighbours` most similar others at `minimum` or above (a pair is kept when either side
    /// keeps it), each pair once with the smaller index first. The bound keeps a busy day's
    /// graph sparse.
    ///
    /// Row by row with a dense accumulator: the dot products of one article with all others.
    /// Both rows of a pair sum the same products in the same (word) order, so they agree exactly.
    func similarities(atLeast minimum: Double, neighbours: Int) -> [ArticleSimilarity] {
        var result: [ArticleSimilarity] = []
        // The weakest neighbour each earlier row kept, when it had to leave some out.
        var cutoff: [(similarity: Double, article: Int)?] = Array(repeating: nil, count: vectors.count)
        var accumulator = [Double](repeating: 0, count: vectors.count)
        var touched: [Int] = []
        var row: [(article: Int, similarity: Double)] = []
        for (i, vector) in vectors.enumerated() {
            for entry in vector {
                for posting in postings[entry.word] where posting.article != i {
                    if accumulator[posting.article] == 0 { touched.append(posting.article) }
                    accumulator[posting.article] += entry.weight * posting.weight
                }
            }
            for j in touched {
                if accumulator[j] >= minimum { row.append((j, accumulator[j])) }
                accumulator[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
            if row.count > neighbours {
                row.sort { ($0.similarity, $1.article) > ($1.similarity, $0.article) }
                row.removeLast(row.count - neighbours)
                cutoff[i] = (row[neighbours - 1].similarity, row[neighbours - 1].article)
            }
            for (j, similarity) in row {
                // A pair an earlier row kept is listed already.
                if j < i, cutoff[j].map({ (similarity, $0.article) >= ($0.similarity, i) }) ?? true { continue }
                result.append(ArticleSimilarity(first: min(i, j), second: max(i, j), similarity: similarity))
            }
            row.removeAll(keepingCapacity: true)
        }
        return result
    }

    /// The headline and the first paragraphs, in lower case, without function words, plurals folded.
    ///
    /// Words are runs of characters that are letters or numbers (by their first scalar, as
    /// `Character.isLetter` and `isNumber` decide), read scalar by scalar: a mark that extends a
    /// character stays with it. A day's lead paragraphs are megabytes, and reading them as
    /// `Character`s cost more than the rest of the grouping.
    static func words(title: String?, lead: String) -> [String] {
        var result: [String] = []
        var word = String.UnicodeScalarView()
        func finish() {
            guard !word.isEmpty else { return }
            let text = String(word)
            if text.count > 1, !stopWords.contains(text) { result.append(fold(text)) }
            word = String.UnicodeScalarView()
        }
        for piece in [Substring(title ?? ""), lead[..<leadEnd(lead)]] {
            for scalar in piece.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                        word.append(scalar)
                    } else if (0x41...0x5A).contains(value) {
                        word.append(Unicode.Scalar(UInt8(value + 0x20)))
                    } else {
                        finish()
                    }
                    continue
                }
                let properties = scalar.properties
                if properties.isGraphemeExtend || properties.generalCategory == .spacingMark || value == 0x200D {
                    if !word.isEmpty { word.append(contentsOf: properties.lowercaseMapping.unicodeScalars) }
                } else if properties.isAlphabetic || properties.numericType != nil {
                    word.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
                } else {
                    finish()
                }
            }
            finish()
        }
        return result
    }

    /// Where the lead's first ``leadParagraphs`` paragraphs end: paragraphs are separated by
    /// `\n\n`, and those with nothing between two separators do not count.
    static func leadEnd(_ lead: String) -> String.Index {
        let bytes = lead.utf8
        var paragraphs = 0
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == 0x0A, next < bytes.endIndex, bytes[next] == 0x0A {
                if index > start {
                    paragraphs += 1
                    if paragraphs == leadParagraphs { return index }
                }
                index = bytes.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        return bytes.endIndex
    }

    static let stopWords = Set(
        StopWords.words + ["said", "says", "say", "mr", "mrs", "ms", "would", "could", "new", "one", "two"])

    /// `elections` → `election`, `policies` → `policy`; leaves `news`, `press`, `us`.
    static func fold(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is")
        else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        return String(word.dropLast())
    }
}

/// The cosine similarity of two articles (indexes, the smaller first).
struct ArticleSimilarity: Equatable {
    let first: Int
    let second: Int
    let similarity: Double
}
