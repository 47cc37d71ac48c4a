import Testing

@testable import GazetteDigest

/// The sentence shown around a number or a date: cut where the article's sentence ends, not at
/// a decimal point or an abbreviation.
@Suite struct ContextSentenceTests {
    @Test func decimalPointsDoNotEndTheSentence() {
        let context = ContextSentence.around(
            before: "Profits fell sharply. The group made a loss of ", span: "540bn yen",
            after: " ($5.1bn) in the year to March, against a profit of $10.9bn. Shares fell.")
        #expect(
            context == "The group made a loss of 540bn yen ($5.1bn) in the year to March, against a profit of $10.9bn.")
    }

    @Test func abbreviationsDoNotEndTheSentence() {
        let context = ContextSentence.around(
            before: "It rained. Mr. Smith said the U.S. vote would be held on ", span: "Tuesday",
            after: ", aides said. Next.")
        #expect(context == "Mr. Smith said the U.S. vote would be held on Tuesday, aides said.")
    }

    @Test func aParagraphBreakEndsTheContext() {
        let context = ContextSentence.around(
            before: "A headline without a full stop\nThe vote is on ", span: "Friday", after: "\nAnother paragraph")
        #expect(context == "The vote is on Friday")
    }
}
