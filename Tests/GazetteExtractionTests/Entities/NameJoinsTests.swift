import Testing
@testable import GazetteExtraction

/// The mends of the tagger's raw mentions: names split into two types or around a particle.
@Suite struct NameJoinsTests {
    @Test func aNameSplitIntoTwoTypesIsOneName() {
        let text = AnalyzedText(body: "Manchester United met the Hong Kong Open , Swede Kennet Andersson , Chris Gent and "
            + "Conservative Michael Fallon\nChicago\nBoston won.")
        // Manchester(0) United(1) met the Hong(4) Kong(5) Open(6) ,(7) Swede(8) Kennet(9) Andersson(10) ,(11) Chris(12)
        // Gent(13) and Conservative(15) Michael(16) Fallon(17) Chicago(18) Boston(19)
        func m(_ r: Range<Int>, _ k: NERTagger.Mention.Kind) -> NERTagger.Mention { NERTagger.Mention(tokens: r, kind: k) }
        let joined = NameJoins.splitTypes([
            m(0..<1, .location), m(1..<2, .organization), m(4..<6, .location), m(6..<7, .misc),
            m(8..<9, .misc), m(9..<11, .person), m(12..<13, .person), m(13..<14, .location),
            m(15..<16, .organization), m(16..<18, .person), m(18..<19, .location), m(19..<20, .organization),
        ], text: text, gazetteer: NERTagger.shared.gazetteer)
        #expect(joined == [
            m(0..<2, .organization),  // an organisation part makes an organisation
            m(4..<7, .misc),  // a MISC last part makes the name MISC
            m(8..<9, .misc), m(9..<11, .person),  // a nationality before a name stays apart
            m(12..<14, .person),  // a given name first makes a person
            m(15..<16, .organization), m(16..<18, .person),  // a full person's name stands alone
            m(18..<19, .location), m(19..<20, .organization),  // names on two lines stay apart
        ])
    }

    @Test func namesWithParticlesAreOnePerson() {
        let text = AnalyzedText(body: "Osama bin Laden met Frank de Boer and the Bank of England.")
        // The tagger split the names around the particle, or left the surname out.
        let joined = NameJoins.particles([
            NERTagger.Mention(tokens: 0..<1, kind: .person), NERTagger.Mention(tokens: 2..<3, kind: .person),
            NERTagger.Mention(tokens: 4..<5, kind: .person),
            NERTagger.Mention(tokens: 9..<10, kind: .organization), NERTagger.Mention(tokens: 11..<12, kind: .location),
        ], text: text)
        #expect(joined == [
            NERTagger.Mention(tokens: 0..<3, kind: .person), NERTagger.Mention(tokens: 4..<7, kind: .person),
            // `of` is no particle, and only people's names take one.
            NERTagger.Mention(tokens: 9..<10, kind: .organization), NERTagger.Mention(tokens: 11..<12, kind: .location),
        ])
    }
}
