import Foundation
import GazetteExtraction
import GazetteStore
import Testing

@testable import GazetteDigest

/// Story grouping with real-style reports: the same event from several outlets joins, the same
/// subject in different events does not.
@Suite struct StoryClustererTests {
    let day = DigestWindow(
        since: DigestFixtures.date("2026-03-10T00:00:00Z"), until: DigestFixtures.date("2026-03-11T00:00:00Z"))

    func at(_ minute: Int) -> Date { day.since.addingTimeInterval(Double(minute) * 60) }

    @Test func theSameEventFromThreeOutletsIsOneStoryAndOtherPoliticsStaysApart() throws {
        let database = try DigestFixtures.store([
            ArticleSpec(
                title: "Senate passes $1.2tn infrastructure bill after months of talks", publication: "Times",
                at: at(1),
                lead:
                    "The Senate passed a $1.2tn infrastructure bill on Tuesday, sending the package of roads, bridges and broadband spending to the House."
            ),
            ArticleSpec(
                title: "Infrastructure bill clears Senate with bipartisan support", publication: "Fox", at: at(2),
                lead:
                    "A bipartisan infrastructure bill worth $1.2tn cleared the Senate, with 19 Republicans joining Democrats to send the roads and bridges package to the House."
            ),
            ArticleSpec(
                title: "What's in the Senate's $1.2tn infrastructure package", publication: "HuffPost", at: at(3),
                lead:
                    "The infrastructure package the Senate passed spends on roads, bridges, broadband and water pipes; the House votes next."
            ),
            // The same subject, another event.
            ArticleSpec(
                title: "Governor signs state budget with new school funding", publication: "Times", at: at(4),
                lead: "The governor signed the state budget on Monday, adding funding for schools and teachers' pay."),
            ArticleSpec(
                title: "Maternity pay to rise, minister announces", publication: "BBC", at: at(5),
                lead:
                    "Statutory maternity pay will rise next April, the minister told MPs, in a move welcomed by unions."
            ),
            ArticleSpec(
                title: "Minister attacks rival over pensions record", publication: "BBC", at: at(6),
                lead:
                    "The minister accused her rival of ignoring pensioners, in a speech to party members in Manchester."
            ),
        ])
        let digest = try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day)
        #expect(digest.stories.count == 4, "every story is listed, singletons included")
        let sizes = digest.stories.map(\.articleIDs.count).sorted()
        #expect(sizes == [1, 1, 1, 3])
        #expect(digest.stories.first?.publications.count == 3)
    }

    @Test func averageLinkageDoesNotChainLooselyRelatedArticles() {
        // a–b and b–c are similar, a–c not at all: a chain, not a story.
        let chain = [Self.pair(0, 1, 0.3), Self.pair(1, 2, 0.25)]
        let groups = StoryClusterer.agglomerate(groups: [[0], [1], [2]], similarities: chain, threshold: 0.22)
        #expect(groups == [[0, 1], [2]])
        // A third article close to both joins them.
        let close = chain + [Self.pair(0, 2, 0.3)]
        #expect(
            StoryClusterer.agglomerate(groups: [[0], [1], [2]], similarities: close, threshold: 0.22) == [[0, 1, 2]])
    }

    @Test func agglomerationMatchesMergingTheBestPairEachTime() {
        // Random sparse graphs, clustered by the heap and by the definition: merge the two groups
        // with the highest average similarity, recomputed from scratch, while it is above the threshold.
        var random = SplitMix64(seed: 11)
        for _ in 0..<12 {
            let count = 40
            var similarities: [ArticleSimilarity] = []
            for i in 0..<count {
                for j in (i + 1)..<count where random.next() % 6 == 0 {
                    similarities.append(Self.pair(i, j, Double(random.next() % 1_000_000) / 1_000_000))
                }
            }
            let singles = (0..<count).map { [$0] }
            let fast = StoryClusterer.agglomerate(groups: singles, similarities: similarities, threshold: 0.22)
            #expect(fast == Self.naiveAverageLinkage(count: count, similarities: similarities, threshold: 0.22))
        }
    }

    @Test func startingGroupsStayTogetherAndCountAsTheirAverage() {
        // 0 and 1 are twins; 2 is close to 0 only: (0.5 + 0) / 2 is above the threshold, so it joins.
        let similarities = [Self.pair(0, 2, 0.5), Self.pair(0, 1, 0.1), Self.pair(3, 4, 0.2)]
        let groups = StoryClusterer.agglomerate(
            groups: [[0, 1], [2], [3], [4]], similarities: similarities, threshold: 0.22)
        #expect(groups == [[0, 1, 2], [3], [4]])
    }

    @Test func twinsAreFoundThroughBandsAndJoinedTransitively() {
        let base: UInt64 = 0x9E37_79B9_7F4A_7C15
        let hashes: [UInt64] = [
            base,
            base ^ 0b101_0000_0001,  // 3 bits from the base
            base ^ 0b101_0000_0001 ^ (0b1111 << 40),  // 4 bits further: a twin of 1, not of 0
            ~base,  // far from all
            0,  // no hash
            0,
        ]
        #expect(SimHashTwins.groups(hashes, maximumDistance: 6) == [[0, 1, 2], [3], [4], [5]])
    }

    @Test func twinsFromBandsAreTheTwinsOfEveryPair() {
        // Hashes in families a few random bits apart: the bands find every pair within the distance.
        var random = SplitMix64(seed: 5)
        var hashes: [UInt64] = []
        for _ in 0..<40 {
            let family = random.next()
            for _ in 0..<5 {
                var hash = family
                for _ in 0..<(random.next() % 5) { hash ^= 1 << (random.next() % 64) }
                hashes.append(hash)
            }
        }
        var parent = Array(hashes.indices)
        func root(_ i: Int) -> Int { parent[i] == i ? i : root(parent[i]) }
        for i in hashes.indices {
            for j in hashes.indices where j > i && (hashes[i] ^ hashes[j]).nonzeroBitCount <= 6 {
                let (a, b) = (root(i), root(j))
                parent[max(a, b)] = min(a, b)
            }
        }
        let expected = Dictionary(grouping: hashes.indices, by: root).values.map { $0.sorted() }.sorted {
            $0[0] < $1[0]
        }
        #expect(SimHashTwins.groups(hashes, maximumDistance: 6) == expected)
    }

    static func pair(_ i: Int, _ j: Int, _ similarity: Double) -> ArticleSimilarity {
        ArticleSimilarity(first: i, second: j, similarity: similarity)
    }

    /// Average linkage by its definition, in O(n³): the reference for the heap's shortcuts.
    static func naiveAverageLinkage(count: Int, similarities: [ArticleSimilarity], threshold: Double) -> [[Int]] {
        var matrix = Array(repeating: Array(repeating: 0.0, count: count), count: count)
        for pair in similarities {
            matrix[pair.first][pair.second] = pair.similarity
            matrix[pair.second][pair.first] = pair.similarity
        }
        var groups = (0..<count).map { [$0] }
        while true {
            var best: (average: Double, a: Int, b: Int)?
            for a in groups.indices {
                for b in groups.indices where b > a {
                    let sum = groups[a].reduce(0.0) { total, i in total + groups[b].reduce(0.0) { $0 + matrix[i][$1] } }
                    let average = sum / Double(groups[a].count * groups[b].count)
                    if average > threshold, average > best?.average ?? -1 { best = (average, a, b) }
                }
            }
            guard let best else { break }
            groups[best.a] += groups[best.b]
            groups.remove(at: best.b)
        }
        return groups.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    @Test func wordsReadByScalarsAreTheWordsOfTheCharacters() {
        let leads = [
            "Ministers’ “emergency” talks in São Paulo: Zoë Ball says 3½ hours — not 2 — were wasted…",
            "ÉLECTIONS in İstanbul: naïve cafés (e\u{301}te\u{301}) and the Ⅻ Olympiad's 1,200 athletes.",
            "\n\nOpening words.\n\n\n\n\nSecond\nparagraph.\n\n\nThird paragraph, read as the second's end?\n\nFourth, not read.",
            "Ｆｕｌｌｗｉｄｔｈ text, Ελληνικά ΝΈΑ, Москва сегодня, 東京都 and हिन्दी समाचार.\n\nSecond paragraph's words.\n\nA third, not read.",
        ]
        for lead in leads {
            #expect(StoryVectors.words(title: "Headline: Markets RALLY", lead: lead) == Self.wordsByCharacter(lead))
        }
    }

    /// The words as first written, character by character over the lower-cased text: the
    /// reference for the scalar reading.
    static func wordsByCharacter(_ lead: String) -> [String] {
        let paragraphs = lead.split(separator: "\n\n", omittingEmptySubsequences: true).prefix(2)
        let text = (["Headline: Markets RALLY"] + paragraphs.map(String.init)).joined(separator: "\n")
        var result: [String] = []
        var word = ""
        for character in text.lowercased() + " " {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                if word.count > 1, !StoryVectors.stopWords.contains(word) { result.append(StoryVectors.fold(word)) }
                word = ""
            }
        }
        return result
    }

    @Test func wordsDropFunctionWordsAndFoldPlurals() {
        #expect(StoryVectors.fold("elections") == "election")
        #expect(StoryVectors.fold("policies") == "policy")
        #expect(StoryVectors.fold("press") == "press")
        #expect(StoryVectors.fold("virus") == "virus")
    }
}
