import Testing

@testable import GazetteExtraction

@Suite struct AmountStageTests {
    func amounts(_ body: String) -> [Amount] {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: nil)
        AmountStage().run(&analysis)
        return analysis.amounts
    }

    @Test(arguments: [
        ("Britain spends £253bn a year.", "£253bn", 253e9, "GBP"),
        ("Debt passed $1.2 trillion.", "$1.2 trillion", 1.2e12, "USD"),
        ("A fund of €50m was agreed.", "€50m", 50e6, "EUR"),
        ("He was paid 5,000 dollars.", "5,000 dollars", 5_000, "USD"),
        ("The grant is US$3 million.", "US$3 million", 3e6, "USD"),
        ("It cost Rs 40 crore in all.", "Rs 40 crore", 400e6, "INR"),
        ("Milk costs 50p now.", "50p", 0.5, "GBP"),
        ("Two million euros went missing.", "Two million euros", 2e6, "EUR"),
    ])
    func currencies(_ body: String, _ text: String, _ value: Double, _ currency: String) {
        let found = amounts(body)
        #expect(found.count == 1)
        #expect(found.first?.text == text)
        #expect(found.first?.value == value)
        #expect(found.first?.currency == currency)
    }

    @Test(arguments: [
        ("Rates rose 5%.", "5%"), ("Up 5 per cent.", "5 per cent"), ("Down five percent.", "five percent"),
    ])
    func percentages(_ body: String, _ text: String) {
        #expect(
            amounts(body) == [
                Amount(
                    text: text, value: 5, currency: nil, unit: "percent",
                    start: amounts(body).first?.start ?? -1, end: amounts(body).first?.end ?? -1)
            ])
        #expect(amounts(body).first?.text == text)
    }

    @Test func plainNumbersAndWeightsAreNotAmounts() {
        #expect(amounts("In 2025, 300 people bought 5 pounds of flour.").isEmpty)
    }
}
