import Foundation
import Testing
@testable import GazetteExtraction

/// The crashes the fuzzers found (FUZZING.md), each on the smallest input that showed it; the
/// fuzzers' own inputs are replayed by ``CrasherReplayTests``.
@Suite struct FuzzRegressionTests {
    static let published = Date(timeIntervalSince1970: 1_764_748_800)

    func analysis(_ body: String) -> Analysis {
        FrontFixtures.extractor.analyze(body: body, publishedAt: Self.published)
    }

    /// A run of 19 or more digits overflowed the day-of-month reading.
    @Test func longDigitRunBeforeAMonth() {
        #expect(DateLexicon.dayNumber(String(repeating: "3", count: 40)) == nil)
        #expect(DateLexicon.dayNumber("12th") == 12)
        #expect(analysis("It was 3333333333333333333333333m February.").dates.map(\.text) == ["February"])
    }
}
