import Testing

@testable import GazetteExtraction

@Suite struct KeyphraseStageTests {
    /// An excerpt of the seed column (Guardian, Martin Kettle).
    static let column = """
        The failure of this week’s peace talks between Vladimir Putin and Donald Trump’s envoy Steve Witkoff fits into a now well-established pattern of standoffs on Ukraine during Trump’s second term. But the dynamic that produced these talks may be becoming more entrenched. The US and Russian interests driving the process have not changed, while the conflict on the ground is intensifying. The lack of progress this week means there will be another attempt to end the war soon, and perhaps another after that, until, one day, there is some kind of US-backed deal to halt the conflict on terms broadly favouring Russia.

        The internal logic of the interactions that have brought us to this point is familiar by now. Trump refuses to give arms to Ukraine. Instead he attempts a bilateral deal with Putin to stop the war at Ukraine’s territorial expense. Russia bombs Ukraine and makes attritional battlefield progress. Ukraine and its other allies mobilise to challenge any emerging pro-Russian deal. The US rebalances its plans to take account of the objections. Talks take place. Putin says no deal. The war continues, but so does the diplomacy.

        The second option, the alteration or bypassing of some aspect of the process, therefore seems more likely. This inevitably places Nato and Europe firmly in the crosshairs of Moscow, in particular, and also of Washington. Putin could not be clearer that he sees Europe as Trump’s weak link. “Europe is preventing the US administration from achieving peace on Ukraine,” he said before the talks with Witkoff this week.
        """

    static let expected: Set<String> = [
        "ukraine", "europe", "nato", "trump", "putin", "peace talks", "peace", "deal", "war", "russia",
        "coalition of the willing", "zelenskyy",
    ]

    func keyphrases(_ body: String, entities: [Entity] = [], limit: Int = 10) -> [Keyphrase] {
        KeyphraseStage(limit: limit).keyphrases(in: AnalyzedText(body: body), entities: entities)
    }

    @Test func findsTheColumnsSubjects() {
        let phrases = keyphrases(Self.column)
        #expect(phrases.count == 10)
        let found = Set(phrases.map { $0.text.lowercased() }).intersection(Self.expected)
        #expect(found.count >= 3, "\(phrases.map(\.text))")
    }

    @Test func bestFirstWithRelativeScores() {
        let phrases = keyphrases(Self.column)
        #expect(phrases.first?.score == 1)
        #expect(zip(phrases, phrases.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(phrases.allSatisfy { $0.score > 0 && $0.score <= 1 })
    }

    @Test func noStopWordAtEitherEnd() {
        let body =
            "It is what it is. It is raining in London and it is cold in Paris. London is wet, it is said, and Paris is cold."
        let phrases = keyphrases(Self.column + "\n\n" + body)
        for phrase in phrases {
            let words = phrase.text.split(separator: " ").map(String.init)
            // An acronym such as `US` is a name even when its lower case is a stop word.
            let isStop = { (word: String) in word != word.uppercased() && StopWords.words.contains(word.lowercased()) }
            #expect(!isStop(words.first!), "\(phrase.text)")
            #expect(!isStop(words.last!), "\(phrase.text)")
            #expect((1...3).contains(words.count))
        }
        #expect(!phrases.contains { $0.text.lowercased() == "it is" })
    }

    @Test func keepsAcronymsThatSpellStopWords() {
        let body = "The US economy grew. Officials in the US said the US recovery was strong. US exports rose."
        #expect(keyphrases(body).contains { $0.text == "US" })
    }

    @Test func dropsNearVariants() {
        let body = """
            The peace talks failed. Another round of peace talk is planned. Diplomats said the peace talks would resume. \
            Peace talk is hard. The peace talks in Geneva were tense.
            """
        let forms = keyphrases(body).map { $0.text.lowercased() }
        #expect(forms.filter { $0 == "peace talks" || $0 == "peace talk" }.count == 1, "\(forms)")
    }

    @Test func entitiesAreBoosted() {
        let body = Self.column
        let plain = keyphrases(body, limit: 100).map(\.text)
        let moscow = Entity(name: "Moscow", type: .location)
        let boosted = keyphrases(body, entities: [moscow], limit: 100).map(\.text)
        #expect(plain.contains("Moscow"))
        let before = plain.firstIndex(of: "Moscow") ?? plain.count
        let after = boosted.firstIndex(of: "Moscow") ?? boosted.count
        #expect(after < before)
    }

    @Test func oneEntityOneKeyphrase() {
        let putin = Entity(name: "Vladimir Putin", type: .person, aliases: ["Putin"])
        let trump = Entity(name: "Donald Trump", type: .person, aliases: ["Trump"])
        let texts = keyphrases(Self.column, entities: [putin, trump], limit: 100).map(\.text)
        #expect(texts.filter { $0 == "Putin" || $0 == "Vladimir Putin" }.count == 1, "\(texts)")
        #expect(texts.filter { $0 == "Trump" || $0 == "Donald Trump" }.count == 1, "\(texts)")
    }

    @Test func emptyAndPunctuationOnlyTexts() {
        #expect(keyphrases("").isEmpty)
        #expect(keyphrases("… — !!! ?? 1945 2025").isEmpty)
        #expect(keyphrases("the of and it is").isEmpty)
    }

    @Test(arguments: [1, 2, 3, 42, 2025] as [UInt64])
    func randomTextInvariants(seed: UInt64) {
        var random = NoisyText(seed: seed)
        for size in [0, 1, 5, 50, 500, 5_000] {
            let body = random.text(pieces: size)
            let first = keyphrases(body)
            #expect(first.count <= 10)
            #expect(first.allSatisfy { !$0.text.isEmpty && $0.score.isFinite && $0.score > 0 })
            #expect(first == keyphrases(body))
        }
    }

    @Test(arguments: NoisyText.pathological.indices)
    func pathologicalInput(_ index: Int) {
        let body = NoisyText.pathological[index]
        #expect(keyphrases(body) == keyphrases(body))
    }
}
