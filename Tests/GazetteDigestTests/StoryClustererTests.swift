import Foundation
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
        let similarities: [ArticlePair: Double] = [ArticlePair(0, 1): 0.3, ArticlePair(1, 2): 0.25]
        let groups = StoryClusterer.agglomerate(count: 3, similarities: similarities, threshold: 0.22)
        #expect(groups.sorted { $0.count > $1.count } == [[0, 1], [2]])
        // A third article close to both joins them.
        let close: [ArticlePair: Double] = [ArticlePair(0, 1): 0.3, ArticlePair(1, 2): 0.25, ArticlePair(0, 2): 0.3]
        #expect(StoryClusterer.agglomerate(count: 3, similarities: close, threshold: 0.22) == [[0, 1, 2]])
    }

    @Test func wordsDropFunctionWordsAndFoldPlurals() {
        #expect(StoryVectors.fold("elections") == "election")
        #expect(StoryVectors.fold("policies") == "policy")
        #expect(StoryVectors.fold("press") == "press")
        #expect(StoryVectors.fold("virus") == "virus")
    }
}
