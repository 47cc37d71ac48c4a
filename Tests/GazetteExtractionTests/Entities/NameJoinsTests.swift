import Testing

@testable import GazetteExtraction

/// The mends of the tagger's raw mentions: names split into two types or around a particle.
@Suite struct NameJoinsTests {
    @Test func aNameSplitIntoTwoTypesIsOneName() {
        let text = AnalyzedText(
            body: "Manchester United met the Hong Kong Open , Swede Kennet Andersson , Chris Gent and "
                + "Conservative Michael Fallon\nChicago\nBoston won.")
        // Manchester(0) United(1) met the Hong(4) Kong(5) Open(6) ,(7) Swede(8) Kennet(9) Andersson(10) ,(11) Chris(12)
        // Gent(13) and Conservative(15) Michael(16) Fallon(17) Chicago(18) Boston(19)
        func m(_ r: Range<Int>, _ k: NERTagger.Mention.Kind) -> NERTagger.Mention {
            NERTagger.Mention(tokens: r, kind: k)
        }
        let joined = NameJoins.splitTypes(
            [
                m(0..<1, .location), m(1..<2, .organization), m(4..<6, .location), m(6..<7, .misc),
                m(8..<9, .misc), m(9..<11, .person), m(12..<13, .person), m(13..<14, .location),
                m(15..<16, .organization), m(16..<18, .person), m(18..<19, .location), m(19..<20, .organization),
            ], text: text, gazetteer: NERTagger.shared.gazetteer)
        #expect(
            joined == [
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
        let joined = NameJoins.particles(
            [
                NERTagger.Mention(tokens: 0..<1, kind: .person), NERTagger.Mention(tokens: 2..<3, kind: .person),
                NERTagger.Mention(tokens: 4..<5, kind: .person),
                NERTagger.Mention(tokens: 9..<10, kind: .organization),
                NERTagger.Mention(tokens: 11..<12, kind: .location),
            ], text: text)
        #expect(
            joined == [
                NERTagger.Mention(tokens: 0..<3, kind: .person), NERTagger.Mention(tokens: 4..<7, kind: .person),
                // `of` is no particle, and only people's names take one.
                NERTagger.Mention(tokens: 9..<10, kind: .organization),
                NERTagger.Mention(tokens: 11..<12, kind: .location),
            ])
    }

    @Test func aKnownOrganisationCutOrMistakenForAPersonIsOneOrganisation() {
        var gazetteer = Gazetteer()
        gazetteer.add("Human Rights Watch\nGoldman Sachs\nDowning Street\nHome Office", to: .organisation)
        let text = AnalyzedText(
            body: "Human Rights Watch and Goldman Sachs wrote to Downing Street and the Home Office in London.")
        // Human(0) Rights(1) Watch(2) and Goldman(4) Sachs(5) wrote to Downing(8) Street(9) and the Home(12) Office(13) in London(15)
        func m(_ r: Range<Int>, _ k: NERTagger.Mention.Kind) -> NERTagger.Mention {
            NERTagger.Mention(tokens: r, kind: k)
        }
        let mended = NameJoins.organisations(
            [
                m(2..<3, .person), m(4..<6, .person), m(8..<10, .location), m(13..<14, .organization),
                m(15..<16, .location),
            ], text: text, gazetteer: gazetteer)
        #expect(
            mended == [
                m(0..<3, .organization),  // the tagger saw only `Watch`, and as a person
                m(4..<6, .organization),  // mistaken for a person
                m(8..<10, .location),  // tagged whole as a place: the tagger's reading stands
                m(12..<14, .organization),  // cut: `Home` was left out
                m(15..<16, .location),
            ])
    }

    @Test func aListedOrganisationTheTaggerMissedIsAdded() {
        let text = AnalyzedText(
            body: "Amnesty was granted. Staff of Oxfam and Human Rights Watch met Jane Doe in Reuters offices.")
        // Amnesty(0) was granted .(3) Staff(4) of Oxfam(6) and Human(8) Rights(9) Watch(10) met Jane(12) Doe(13) in Reuters(15)
        func m(_ r: Range<Int>, _ k: NERTagger.Mention.Kind) -> NERTagger.Mention {
            NERTagger.Mention(tokens: r, kind: k)
        }
        let mended = NameJoins.listed([m(12..<14, .person), m(15..<16, .organization)], text: text)
        #expect(
            mended == [
                m(6..<7, .organization), m(8..<11, .organization),  // a one-word name at a sentence start is not taken
                m(12..<14, .person), m(15..<16, .organization),
            ])
    }

    @Test func aRegnalNumberIsPartOfThePersonsName() {
        let text = AnalyzedText(
            body: "Pope John Paul II met Charles III and Henry. I think Charles I, unlike John I said, won.")
        // Pope(0) John(1) Paul(2) II(3) met Charles(5) III(6) and Henry(8) .(9) I(10) think Charles(12) I(13) ,(14)
        // unlike John(16) I(17) said
        func m(_ r: Range<Int>, _ k: NERTagger.Mention.Kind) -> NERTagger.Mention {
            NERTagger.Mention(tokens: r, kind: k)
        }
        let mended = NameJoins.regnalNumbers(
            [m(1..<3, .person), m(5..<6, .person), m(8..<9, .person), m(12..<13, .person), m(16..<17, .person)],
            text: text)
        #expect(
            mended == [
                m(1..<4, .person), m(5..<7, .person),
                m(8..<9, .person),  // `.` then `I`: not a numeral
                m(12..<14, .person),
                m(16..<17, .person),  // `I` before a verb: the pronoun
            ])
        let kings = AnalyzedText(body: "Henry V said so.")
        #expect(NameJoins.regnalNumbers([m(0..<1, .person)], text: kings) == [m(0..<2, .person)])  // only `I` can be the pronoun
        #expect(NameJoins.isRomanNumeral(ArraySlice("XIV".unicodeScalars)))
        #expect(NameJoins.isRomanNumeral(ArraySlice("I".unicodeScalars)))
        #expect(!NameJoins.isRomanNumeral(ArraySlice("IIV".unicodeScalars)))
    }

    /// Regression: a mention ending a line without a full stop was copied again with the next
    /// sentence, and the next line's tokens scanned twice.
    @Test func aListedNameAfterAMentionEndingALineIsFoundOnce() {
        let text = AnalyzedText(body: "Reporting by Jane Smith\nWorld Health Organization officials said so.")
        // Reporting by Jane(2) Smith(3) World(4) Health(5) Organization(6)
        func m(_ r: Range<Int>, _ k: NERTagger.Mention.Kind) -> NERTagger.Mention {
            NERTagger.Mention(tokens: r, kind: k)
        }
        #expect(NameJoins.listed([m(2..<4, .person)], text: text) == [m(2..<4, .person), m(4..<7, .organization)])
        #expect(
            NameJoins.listed([m(2..<4, .person), m(4..<7, .organization)], text: text) == [
                m(2..<4, .person), m(4..<7, .organization),
            ])
    }

    @Test func aListedNameIsOneOrganisationWhateverItsPieces() {
        let text = AnalyzedText(body: "Taliban and Islamic State fighters met Ralph Lauren.")
        // Taliban(0) and Islamic(2) State(3) fighters met Ralph(6) Lauren(7)
        var gazetteer = Gazetteer()
        gazetteer.add("Ralph Lauren", to: .organisation)
        gazetteer.add("Ralph", to: .givenName)
        func m(_ r: Range<Int>, _ k: NERTagger.Mention.Kind) -> NERTagger.Mention {
            NERTagger.Mention(tokens: r, kind: k)
        }
        let mended = NameJoins.organisations(
            [m(0..<1, .organization), m(2..<3, .misc), m(6..<8, .person)], text: text, gazetteer: gazetteer)
        #expect(
            mended == [
                m(0..<1, .organization), m(2..<4, .organization),
                m(6..<8, .person),  // a company named after its founder: the tagger's person stands
            ])
        #expect(!NameJoins.isOrganisationName(6..<8, text: text, gazetteer: gazetteer))
    }
}
