import GazetteStore
import HeapModule

/// Groups a window's articles into stories: articles whose headline and opening paragraphs use
/// the same distinctive words (TF-IDF cosine), joined by average-linkage agglomerative
/// clustering, and near-duplicate bodies (SimHash within ``maximumDistance`` bits).
///
/// Average linkage joins two groups only when their articles are similar on average, not when
/// one pair happens to be: a chain of loosely related articles does not become one "story".
/// Precision comes first: a wrong group is worse than a missed one.
struct StoryClusterer {
    /// Largest Hamming distance between two SimHashes of the same text, lightly edited.
    static let maximumDistance = 6
    /// Average cosine between two groups above which they report the same story.
    /// Tuned on the dev stories (0.20–0.23 score within 0.004 of each other).
    static let threshold = 0.22
    /// Most similar articles each article is compared with when groups are formed.
    static let neighbours = 30

    let articles: [DigestSlice.Article]

    /// Groups of indexes into `articles`, each sorted; every article is in exactly one group.
    func clusters() -> [[Int]] {
        var similarities = StoryVectors(articles).similarities(atLeast: Self.threshold / 2, neighbours: Self.neighbours)
        for pair in nearDuplicates() { similarities[pair] = 1 }
        return Self.agglomerate(count: articles.count, similarities: similarities, threshold: Self.threshold)
    }

    private func nearDuplicates() -> [ArticlePair] {
        var pairs: [ArticlePair] = []
        for i in articles.indices where articles[i].simhash != 0 {
            for j in articles.indices where j > i && articles[j].simhash != 0 {
                if (articles[i].simhash ^ articles[j].simhash).nonzeroBitCount <= Self.maximumDistance {
                    pairs.append(ArticlePair(i, j))
                }
            }
        }
        return pairs
    }

    /// Average-linkage clustering over a sparse similarity graph: pairs not listed count as 0.
    ///
    /// Each step merges the two groups with the highest average similarity while it is above
    /// `threshold`, from a heap of candidate merges. A merge only lowers the averages of the
    /// pairs whose summed similarity it leaves unchanged, so those entries are corrected when
    /// they come out of the heap rather than at every merge; and the group with fewer links is
    /// merged into the other. That keeps a busy day near O(E log E) in the similar pairs.
    static func agglomerate(count: Int, similarities: [ArticlePair: Double], threshold: Double) -> [[Int]] {
        var members = (0..<count).map { [$0] }
        var alive = [Bool](repeating: true, count: count)
        // Summed similarity between two live groups, both ways.
        var links = [[Int: Double]](repeating: [:], count: count)
        var heap = Heap<Candidate>()
        for (pair, similarity) in similarities {
            links[pair.first][pair.second] = similarity
            links[pair.second][pair.first] = similarity
            if similarity > threshold { heap.insert(Candidate(average: similarity, a: pair.first, b: pair.second)) }
        }
        func average(_ a: Int, _ b: Int) -> Double? {
            links[a][b].map { $0 / Double(members[a].count * members[b].count) }
        }
        while let best = heap.popMax() {
            guard alive[best.a], alive[best.b], let current = average(best.a, best.b) else { continue }
            guard current == best.average else {
                if current > threshold { heap.insert(Candidate(average: current, a: best.a, b: best.b)) }
                continue
            }
            // Merge the group with fewer links into the other.
            let (keep, gone) = links[best.a].count >= links[best.b].count ? (best.a, best.b) : (best.b, best.a)
            alive[gone] = false
            members[keep] += members[gone]
            members[gone] = []
            links[keep][gone] = nil
            for (c, value) in links[gone] where c != keep {
                links[c][gone] = nil
                let sum = links[keep][c, default: 0] + value
                links[keep][c] = sum
                links[c][keep] = sum
                if let updated = average(keep, c), updated > threshold {
                    heap.insert(Candidate(average: updated, a: min(keep, c), b: max(keep, c)))
                }
            }
            links[gone] = [:]
        }
        return members.indices.filter { alive[$0] }.map { members[$0].sorted() }
    }

    /// A possible merge of groups `a` and `b` (their first articles' indexes), by average similarity.
    struct Candidate: Comparable {
        let average: Double
        let a: Int
        let b: Int

        static func < (x: Candidate, y: Candidate) -> Bool {
            (x.average, y.a, y.b) < (y.average, x.a, x.b)
        }
    }
}

/// Two article indexes, the smaller first.
struct ArticlePair: Hashable {
    let first: Int
    let second: Int

    init(_ i: Int, _ j: Int) {
        first = min(i, j)
        second = max(i, j)
    }
}
