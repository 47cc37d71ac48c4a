import GazetteStore

/// Groups a window's articles into stories: near-duplicate bodies (SimHash within
/// ``maximumDistance`` bits), or articles sharing enough entities and keyphrases.
///
/// Features carried by a large share of the window (a country every article names) are left
/// out of the comparison, so they neither join unrelated stories nor cost quadratic time.
struct StoryClusterer {
    /// Largest Hamming distance between two SimHashes of the same text, lightly edited.
    static let maximumDistance = 6

    let articles: [DigestSlice.Article]
    /// Entity ids of each article, by article id.
    let entities: [Int64: Set<Int64>]

    /// Groups of indexes into `articles`, each sorted; every article is in exactly one group.
    func clusters() -> [[Int]] {
        var groups = UnionFind(count: articles.count)
        joinNearDuplicates(&groups)
        joinSharedFeatures(&groups)
        return groups.components()
    }

    private func joinNearDuplicates(_ groups: inout UnionFind) {
        for i in articles.indices where articles[i].simhash != 0 {
            for j in articles.indices where j > i && articles[j].simhash != 0 {
                if (articles[i].simhash ^ articles[j].simhash).nonzeroBitCount <= Self.maximumDistance {
                    groups.union(i, j)
                }
            }
        }
    }

    private enum Feature: Hashable {
        case entity(Int64)
        case keyphrase(String)
    }

    private func joinSharedFeatures(_ groups: inout UnionFind) {
        var carriers: [Feature: [Int]] = [:]
        for (index, article) in articles.enumerated() {
            for id in entities[article.id] ?? [] { carriers[.entity(id), default: []].append(index) }
            for phrase in Set(article.keyphrases.map { $0.lowercased() }) {
                carriers[.keyphrase(phrase), default: []].append(index)
            }
        }
        let commonest = max(8, articles.count / 20)
        var shared: [Int: (entities: Int, keyphrases: Int)] = [:]
        for (feature, indexes) in carriers where indexes.count > 1 && indexes.count <= commonest {
            for a in indexes.indices {
                for b in indexes.indices where b > a {
                    let key = indexes[a] * articles.count + indexes[b]
                    var counts = shared[key] ?? (0, 0)
                    if case .entity = feature { counts.entities += 1 } else { counts.keyphrases += 1 }
                    shared[key] = counts
                }
            }
        }
        for (key, counts) in shared where Self.sameStory(entities: counts.entities, keyphrases: counts.keyphrases) {
            groups.union(key / articles.count, key % articles.count)
        }
    }

    /// Two entities and a keyphrase, three entities, or two keyphrases and an entity.
    static func sameStory(entities: Int, keyphrases: Int) -> Bool {
        (entities >= 2 && keyphrases >= 1) || entities >= 3 || (keyphrases >= 2 && entities >= 1)
    }
}
