import Testing

@testable import GazetteExtraction

@Suite struct TokenizerTests {
    func words(_ body: String) -> [String] {
        let text = AnalyzedText(body: body)
        return text.tokens.map { text.text(of: $0) }
    }

    func sentences(_ body: String) -> [String] {
        let text = AnalyzedText(body: body)
        return text.sentences.map { text.text(of: $0) }
    }

    @Test func abbreviationsDoNotEndSentences() {
        let s = sentences("Mr. Smith met Dr. Jones in the U.S. on Jan. 5. It rained.")
        #expect(s == ["Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", "It rained."])
    }

    @Test func initialsStayWithTheirPeriod() {
        #expect(words("J. K. Rowling wrote it.") == ["J.", "K.", "Rowling", "wrote", "it", "."])
        #expect(sentences("Author J. K. Rowling wrote it. Then she left.").count == 2)
    }

    @Test func decimalsAndThousands() {
        #expect(
            words("Growth was 3.5% on £1,200.50 sales.") == [
                "Growth", "was", "3.5", "%", "on", "£", "1,200.50", "sales", ".",
            ])
    }

    @Test func possessivesSplitOff() {
        #expect(
            words("Trump’s envoy and Starmer's adviser") == ["Trump", "’s", "envoy", "and", "Starmer", "'s", "adviser"])
    }

    @Test func quotesAndDashes() {
        #expect(
            words("“We will,” he said — London-based experts disagreed.")
                == ["“", "We", "will", ",", "”", "he", "said", "—", "London-based", "experts", "disagreed", "."])
    }

    @Test func sentenceEndsInsideClosingQuote() {
        #expect(sentences("He said: “It is over.” Then he left.") == ["He said: “It is over.”", "Then he left."])
    }

    @Test func lineBreaksSplitUnlessTheTextWraps() {
        #expect(
            sentences("BEIJING 1996-08-22\nChina accused Taipei.") == ["BEIJING 1996-08-22", "China accused Taipei."])
        #expect(sentences("The minister met\nofficials on Monday.").count == 1)
    }

    @Test func offsetsAreScalarOffsets() {
        let text = AnalyzedText(body: "🇺🇦 Kyiv é")
        #expect(text.tokens.map(\.start) == [0, 1, 3, 8])
        #expect(text.text(of: text.tokens[2]) == "Kyiv")
    }
}
