import Foundation

/// Picks two to five sentences that summarise the article, verbatim and in reading order.
///
/// Sentences are ranked by TextRank (Mihalcea & Tarau, 2004): PageRank over a graph whose
/// edges weigh how many content words two sentences share, normalised by their lengths. The
/// random jump favours the opening sentences (news puts the point first), so the ranking is a
/// personalised PageRank with a lead prior. Very short or very long sentences are passed over
/// while better ones remain, and a sentence that mostly repeats one already chosen is skipped.
public struct SummaryStage: AnalysisStage {
    /// Sentences beyond this many are not ranked (keeps the graph quadratic cost bounded).
    static let maxSentences = 300
    static let damping = 0.85
    static let iterations = 30

    public init() {}

    public func run(_ analysis: inout Analysis) {
        analysis.summary = summary(of: analysis.text).map { analysis.text.text(of: analysis.text.sentences[$0]) }
    }

    /// How many sentences to pick for an article of `count` sentences.
    static func length(for count: Int) -> Int {
        min(count, max(2, min(5, 2 + count / 12)))
    }

    /// Indices of the chosen sentences, in reading order.
    func summary(of text: AnalyzedText) -> [Int] {
        let n = min(text.sentences.count, Self.maxSentences)
        let wanted = Self.length(for: text.sentences.count)
        guard n > 0, wanted > 0 else { return [] }
        let bags = SentenceBags(text, count: n)
        let rank = pageRank(bags)
        // The lead sentence of a news story is its best single-sentence summary more often
        // than any other, so it gets a bonus on top of the prior.
        func score(_ i: Int) -> Double { rank[i] * bags.fitness(i) * (i == 0 ? 1.5 : 1) }
        let order = (0..<n).sorted { a, b in
            let (sa, sb) = (score(a), score(b))
            return sa != sb ? sa > sb : a < b
        }
        var chosen: [Int] = []
        for i in order where chosen.count < wanted {
            if chosen.contains(where: { bags.overlap($0, i) > 0.6 }) { continue }
            chosen.append(i)
        }
        // Fill up with the best remaining if redundancy skipped too many.
        for i in order where chosen.count < min(wanted, n) && !chosen.contains(i) { chosen.append(i) }
        return chosen.sorted()
    }

    /// Personalised PageRank over the similarity graph; the jump vector decays with position.
    func pageRank(_ bags: SentenceBags) -> [Double] {
        let n = bags.count
        var prior = (0..<n).map { 1 / (Double($0) + 1) }
        let priorSum = prior.reduce(0, +)
        for i in prior.indices { prior[i] /= priorSum }
        var edges: [[(to: Int, weight: Double)]] = Array(repeating: [], count: n)
        var outWeight = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let w = bags.similarity(i, j)
                guard w > 0 else { continue }
                edges[i].append((j, w))
                edges[j].append((i, w))
                outWeight[i] += w
                outWeight[j] += w
            }
        }
        var rank = prior
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<Self.iterations {
            var dangling = 0.0
            for i in 0..<n where outWeight[i] == 0 { dangling += rank[i] }
            for i in 0..<n {
                var flow = 0.0
                for (j, w) in edges[i] { flow += rank[j] * w / outWeight[j] }
                next[i] = (1 - Self.damping + Self.damping * dangling) * prior[i] + Self.damping * flow
            }
            swap(&rank, &next)
        }
        return rank
    }
}
