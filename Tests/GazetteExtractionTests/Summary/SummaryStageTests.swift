import Foundation
import Testing

@testable import GazetteExtraction

@Suite struct SummaryStageTests {
    /// A BBC business story (2004), cut to its first paragraphs.
    static let story = """
        The dollar has hit its highest level against the euro in almost three months after the Federal Reserve head said the US trade deficit is set to stabilise.

        And Alan Greenspan highlighted the US government's willingness to curb spending and rising household savings as factors which may help to reduce it. In late trading in New York, the dollar reached $1.2871 against the euro, from $1.2974 on Thursday. Market concerns about the deficit has hit the greenback in recent months.

        On Friday, Federal Reserve chairman Mr Greenspan's speech in London ahead of the meeting of G7 finance ministers sent the dollar higher after it had earlier tumbled on the back of worse-than-expected US jobs data. "I think the chairman's taking a much more sanguine view on the current account deficit than he's taken for some time," said Robert Sinche, head of currency strategy at Bank of America in New York. "He's taking a longer-term view, laying out a set of conditions under which the current account deficit can improve this year and next."

        Worries about the deficit concerns about China do, however, remain. China's currency remains pegged to the dollar and the US currency's sharp falls in recent months have therefore made Chinese export prices highly competitive. But calls for a shift in Beijing's policy have fallen on deaf ears, despite recent comments in a major Chinese newspaper that the "time is ripe" for a loosening of the peg. The G7 meeting is thought unlikely to produce any meaningful movement in Chinese policy.
        """

    func summary(_ body: String) -> [String] {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: nil)
        SummaryStage().run(&analysis)
        return analysis.summary
    }

    @Test func sentencesAreVerbatimInReadingOrder() throws {
        let sentences = summary(Self.story)
        #expect((2...5).contains(sentences.count))
        var cursor = Self.story.startIndex
        for sentence in sentences {
            let range = try #require(Self.story.range(of: sentence, range: cursor..<Self.story.endIndex), "\(sentence)")
            cursor = range.upperBound
        }
    }

    @Test func leadSentenceIsKept() {
        #expect(summary(Self.story).first?.hasPrefix("The dollar has hit its highest level") == true)
    }

    @Test func keepsLineBreaksOfTheBody() {
        let body =
            "The minister resigned on Monday after\na long row over the budget. Her deputy takes over the\nbudget talks tomorrow. Talks resume."
        let sentences = summary(body)
        #expect(sentences.count == 2)
        #expect(sentences.allSatisfy { body.contains($0) })
        #expect(sentences.first == "The minister resigned on Monday after\na long row over the budget.")
    }

    @Test func shortBodies() {
        #expect(summary("").isEmpty)
        #expect(summary("   \n\n  ").isEmpty)
        #expect(summary("Only one sentence here.") == ["Only one sentence here."])
        #expect(summary("First sentence here. Second one there.").count == 2)
    }

    @Test func lengthGrowsWithTheArticle() {
        #expect(SummaryStage.length(for: 3) == 2)
        #expect(SummaryStage.length(for: 24) == 4)
        #expect(SummaryStage.length(for: 500) == 5)
        #expect(SummaryStage.length(for: 1) == 1)
    }

    @Test(arguments: [7, 8, 9, 10, 99] as [UInt64])
    func randomTextInvariants(seed: UInt64) {
        var random = NoisyText(seed: seed)
        for size in [0, 1, 10, 100, 1_000, 20_000] {
            let body = random.text(pieces: size)
            let sentences = summary(body)
            #expect(sentences.count <= 5)
            #expect(sentences.allSatisfy { body.contains($0) })
            #expect(sentences == summary(body))
        }
    }

    @Test(arguments: NoisyText.pathological.indices)
    func pathologicalInput(_ index: Int) {
        let body = NoisyText.pathological[index]
        #expect(summary(body) == summary(body))
    }
}
