import Testing

@testable import GazetteExtraction

@Suite struct QuoteSegmenterTests {
    func segments(_ s: String) -> [Range<Int>] {
        QuoteSegmenter.segments(Array(s.unicodeScalars)).map(\.inner)
    }

    @Test func curlyStraightGuillemetsAndLowHigh() {
        #expect(segments("a “b” c \"d\" e «f» g „h“") == [3..<4, 9..<10, 15..<16, 21..<22])
    }

    @Test func unbalancedMarkRunsToTheEndOfTheLineOnly() {
        #expect(segments("“open\nnext line") == [1..<5])
    }

    @Test func continuedParagraphsMerge() {
        #expect(segments("“One.\n\n“Two.”") == [1..<12])
    }

    @Test func emptyQuotesAreSkipped() {
        #expect(segments("“ ” \"\"").isEmpty)
    }
}
