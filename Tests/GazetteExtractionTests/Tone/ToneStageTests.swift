import Testing

@testable import GazetteExtraction

@Suite struct ToneStageTests {
    func tone(_ body: String) -> Double {
        ToneStage().tone(of: AnalyzedText(body: body))
    }

    @Test func lexiconIsShipped() {
        #expect(!ToneLexicon.shared.isEmpty)
    }

    @Test(arguments: [
        "The rescue was a wonderful success and the families were overjoyed.",
        "Fans celebrated a brilliant win and praised the team's excellent spirit.",
    ])
    func positive(_ sentence: String) {
        #expect(tone(sentence) > 0.5)
    }

    @Test(arguments: [
        "The attack killed dozens of people and left the town in ruins.",
        "Critics said the plan was a disaster that would hurt poor families.",
    ])
    func negative(_ sentence: String) {
        #expect(tone(sentence) < -0.5)
    }

    @Test func negationFlipsTheSign() {
        #expect(tone("The results were good.") > 0)
        #expect(tone("The results were not good.") < 0)
        #expect(tone("The results weren’t good.") < 0)
        #expect(tone("The service was never helpful.") < 0)
        #expect(tone("The talks were not a failure.") > 0)
    }

    @Test func intensifiersAndDampeners() {
        let plain = tone("The match was good.")
        #expect(tone("The match was very good.") > plain)
        #expect(tone("The match was slightly good.") < plain)
        #expect(tone("The match was GOOD, they said.") > tone("The match was good, they said."))
        #expect(tone("The match was good!!!") > plain)
    }

    @Test func butShiftsTheWeight() {
        #expect(tone("The food was good, but the service was terrible.") < 0)
        #expect(tone("The start was terrible, but the ending was wonderful.") > 0)
    }

    @Test func articleToneIsTheMeanOverSentences() {
        let one = tone("The rescue was a wonderful success.")
        let two = tone("The rescue was a wonderful success. The boat left at noon.")
        #expect(abs(two - one / 2) < 0.0002)
    }

    @Test func neutralAndEmpty() {
        #expect(tone("") == 0)
        #expect(tone("The committee meets on Tuesday in Brussels.") == 0)
    }

    @Test(arguments: [5, 6, 2024] as [UInt64])
    func randomTextInvariants(seed: UInt64) {
        var random = NoisyText(seed: seed)
        for size in [0, 1, 10, 100, 1_000, 20_000] {
            let body = random.text(pieces: size)
            let value = tone(body)
            #expect(value.isFinite && (-1...1).contains(value))
            #expect(value == tone(body))
        }
    }

    @Test(arguments: NoisyText.pathological.indices)
    func pathologicalInput(_ index: Int) {
        let body = NoisyText.pathological[index]
        #expect(tone(body) == tone(body))
    }
}
