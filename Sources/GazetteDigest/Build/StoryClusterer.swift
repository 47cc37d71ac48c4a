import GazetteStore
import HeapModule

/// Groups a window's articles into stories: articles whose headline and opening paragraphs use
/// the same distinctive words (TF-IDF cosine), joined by average-linkage agglomerative
/// clustering, and near-duplicate bodies (SimHash within ``maximumDistance`` bits), which start
/// together.
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

    /// Groups of indexes into `articles`, each sorted, in order of their first article; every
    /// article is in exactly one group.
    func clusters() -> [[Int]] {
        let similarities = StoryVectors(articles).similarities(atLeast: Self.threshold / 2, neighbours: Self.neighbours)
        let twins = SimHashTwins.groups(articles.map(\.simhash), maximumDistance: Self.maximumDistance)
        return Self.agglomerate(groups: twins, similarities: similarities, threshold: Self.threshold)
    }

    /// Average-linkage clustering of `groups` (which partition the articles) over a sparse
    /// similarity graph of articles: pairs not listed count as 0, pairs within a group are ignored.
    ///
    /// Each step merges the two groups with the highest average similarity while it is above
    /// `threshold`, from a heap of candidate merges. A merge only lowers the averages of the
    /// pairs whose summed similarity it leaves unchanged, so those entries are corrected when
    /// they come out of the heap rather than at every merge; the group with fewer links is
    /// merged into the other; and when stale entries outnumber the live pairs the heap is
    /// rebuilt from the links, so that it stays the size of the graph. A busy day costs about
    /// O(E log E) in the similar pairs.
    static func agglomerate(groups: [[Int]], similarities: [ArticleSimilarity], threshold: Double) -> [[Int]] {
        let count = groups.count
        var groupOf = [Int](repeating: 0, count: groups.reduce(0) { $0 + $1.count })
        for (group, members) in groups.enumerated() {
            for article in members { groupOf[article] = group }
        }
        var size = groups.map(\.count)
        // The group each group was merged into; itself while it is alive.
        var mergedInto = Array(0..<count)
        // Summed similarity between two live groups, both ways.
        var links = [[Int: Double]](repeating: [:], count: count)
        for pair in similarities {
            let (a, b) = (groupOf[pair.first], groupOf[pair.second])
            guard a != b else { continue }
            links[a][b, default: 0] += pair.similarity
            links[b][a, default: 0] += pair.similarity
        }
        var livePairs = links.reduce(0) { $0 + $1.count } / 2
        func average(_ a: Int, _ b: Int) -> Double? {
            links[a][b].map { $0 / Double(size[a] * size[b]) }
        }
        func candidates() -> [Candidate] {
            var result: [Candidate] = []
            for a in 0..<count where mergedInto[a] == a {
                for (b, sum) in links[a] where a < b {
                    let value = sum / Double(size[a] * size[b])
                    if value > threshold { result.append(Candidate(average: value, a: a, b: b)) }
                }
            }
            return result
        }
        var heap = Heap(candidates())
        while let best = heap.popMax() {
            guard mergedInto[best.a] == best.a, mergedInto[best.b] == best.b, let current = average(best.a, best.b)
            else { continue }
            guard current == best.average else {
                if current > threshold { heap.insert(Candidate(average: current, a: best.a, b: best.b)) }
                continue
            }
            // Merge the group with fewer links into the other.
            let (keep, gone) = links[best.a].count >= links[best.b].count ? (best.a, best.b) : (best.b, best.a)
            mergedInto[gone] = keep
            size[keep] += size[gone]
            links[keep][gone] = nil
            livePairs -= 1
            for (c, value) in links[gone] where c != keep {
                links[c][gone] = nil
                let sum: Double
                if let shared = links[keep][c] {
                    sum = shared + value
                    livePairs -= 1
                } else {
                    sum = value
                }
                links[keep][c] = sum
                links[c][keep] = sum
                if let updated = average(keep, c), updated > threshold {
                    heap.insert(Candidate(average: updated, a: min(keep, c), b: max(keep, c)))
                }
            }
            links[gone] = [:]
            if heap.count > 2 * livePairs + 64 { heap = Heap(candidates()) }
        }
        var clusters: [Int: [Int]] = [:]
        for (group, members) in groups.enumerated() {
            var top = group
            while mergedInto[top] != top { top = mergedInto[top] }
            clusters[top, default: []] += members
        }
        return clusters.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// A possible merge of groups `a` and `b`, by average similarity; ties go to the lower indexes.
    struct Candidate: Comparable {
        let average: Double
        let a: Int
        let b: Int

        static func < (x: Candidate, y: Candidate) -> Bool {
            (x.average, y.a, y.b) < (y.average, x.a, x.b)
        }
    }
}
