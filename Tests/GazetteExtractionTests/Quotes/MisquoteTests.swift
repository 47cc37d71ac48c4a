import Foundation
import Testing

@testable import GazetteExtraction

/// Issue 13: narration must never become a quote, and a quote is left unattributed rather
/// than given to the wrong speaker or to something that is not a person.
@Suite struct MisquoteTests {
    func quotes(_ body: String, entities: [Entity] = []) -> [Quote] {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: nil)
        analysis.entities = entities
        QuoteStage().run(&analysis)
        return analysis.quotes
    }

    @Test func bbcContinuedParagraphIsOneQuoteAndNarrationStaysNarration() {
        // BBC text joins paragraphs: the second opens with `"` before the first quote closes.
        let body = """
            Nikolai Nolan runs the awards. "The awards always get a lot of traffic. "This was my first year on a new server," said Mr Nolan. Technorati, a blog search engine, tracks about six million blogs.
            """
        let q = quotes(body)
        #expect(q.count == 1)
        #expect(q.first?.text.hasPrefix("The awards always") == true)
        #expect(q.first?.text.hasSuffix("new server,") == true)
        #expect(q.first?.text == "The awards always get a lot of traffic. This was my first year on a new server,")
        #expect(q.first?.speaker == "Nikolai Nolan")
        #expect(!q.contains { $0.text.contains("Technorati") || $0.text.contains("said Mr") })
    }

    @Test func invertedPairsDoNotTurnSaidIntoAQuote() {
        let body = """
            "We will not stand in the way of families. "The rules are clear," said Mr Stone. She said new mothers were already entitled to 12 months leave. "It is fair," she added.
            """
        let q = quotes(body)
        // The mark that reopens the continued quote is no part of it.
        #expect(q.map(\.text) == ["We will not stand in the way of families. The rules are clear,", "It is fair,"])
        #expect(!q.contains { $0.text.contains("new mothers") })
    }

    @Test func aStrayClosingMarkOpensNothing() {
        let q = quotes("Profits rose 5%.\" Analysts expect more next year. The firm said costs were \"under control\".")
        #expect(q.map(\.text) == ["under control"])
    }

    @Test func aDescriptionBeforeTheRoleIsNoSpeaker() {
        let q = quotes("\"I feel in great shape,\" said the European cross-country champion.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == nil)
        let spokesman = quotes("\"We are looking into it,\" a White House spokesman said.")
        #expect(spokesman.first?.speaker == nil)
        // A name after the role words is the speaker.
        #expect(quotes("\"It is over,\" said Sanders campaign manager Jeff Weaver.").first?.speaker == "Jeff Weaver")
    }

    @Test func thePersonOfAnOrganisationSpeaksNotTheOrganisation() {
        let q = quotes("Anne Thompson of the Hollywood Reporter said that the film was \"heart-wrenching\".")
        #expect(q.first?.speaker == "Anne Thompson")
    }

    @Test func aQuoteThatEndsASentenceTakesNoAttributionFromTheNext() {
        let body = """
            Mr Straw said: "Maybe I mix with the wrong kind of journalists." Liam Fox, Tory co-chairman, said the return was a sign of new tactics.
            """
        #expect(quotes(body).map(\.speaker) == ["Straw"])
    }

    @Test func speakersThatAreNotPeopleAreDropped() {
        let body =
            "\"Broadband demand keeps growing,\" said BT. \"The mirror is fine,\" said Hubble. \"Turnout was high,\" said Newcastle Central."
        let entities = [
            Entity(name: "BT", type: .organization, mentions: [Span(start: 38, end: 40)]),
            Entity(name: "Hubble", type: .misc, mentions: [Span(start: 72, end: 78)]),
            Entity(name: "Newcastle Central", type: .location, mentions: [Span(start: 106, end: 123)]),
        ]
        let q = quotes(body, entities: entities)
        #expect(q.count == 3)
        #expect(q.allSatisfy { $0.speaker == nil })
        // Untagged, a name with an organisation's word is no person either.
        #expect(quotes("\"Members are furious,\" said the Football Association.").first?.speaker == nil)
    }

    @Test func aSpokespersonsContinuationIsNotGivenToThePersonNamedNearby() {
        let body = """
            Jo Grady, general secretary of UCU, said the offer was poor. "This offer is fair and final," a UCEA spokesperson said. "Employers cannot afford more."
            """
        let q = quotes(body)
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker == nil })
    }

    @Test func heChainsBackOverSentencesThatOpenWithHeToTheSubject() {
        // BBC: `Mr Balls … had suggested that Mr Brown …` then two `He …` sentences and two
        // without a person; the quote's `he` is Mr Balls, never the last name seen (Mr Brown).
        let body = """
            Mr Balls, who stepped down from his Treasury post, had suggested that Mr Brown would meet his golden rule. He said he hoped more would be done.

            He also stressed a rise in interest rates would not hurt Labour. Expectations of a rate rise have gathered pace. Consumer borrowing rose in January. "I do not believe that this will be a big election issue," he told a Parliamentary lunch. "This is a big change in our political culture."
            """
        #expect(quotes(body).map(\.speaker) == ["Balls", "Balls"])
    }

    @Test func heAfterAPersonsThingIsNotTheObjectOfTheSentence() {
        // `Mr Campbell's e-mail … suggested they should get Trevor Beattie …. In it, he said:`
        // is Mr Campbell, not Trevor Beattie: better no speaker than the wrong one.
        let body = """
            Mr Campbell's e-mail, which was intended for a party official, suggested they should get Trevor Beattie, the agency's boss, to issue a statement. In it, he said: "Just spoke to trev. Posters done according to political brief."
            """
        let q = quotes(body)
        #expect(q.count == 1)
        #expect(q.first?.speaker != "Trevor Beattie")
    }

    @Test func aNewSpeakerNamedInTheQuotesOwnSentenceEndsTheContinuation() {
        // A quote with no attribution of its own, then `…, said Ms Deans.` in the same sentence:
        // the next quote is not the earlier speaker's.
        let body = """
            "Access to specialised film is restricted," said Pete Buckingham, head of distribution. "The choice for many remains limited," Digital prints cost less than a 35mm print, said Ms Deans. "It can cost up to £1,500 to make a copy of a print."
            """
        let q = quotes(body)
        #expect(q.count == 3)
        #expect(q.first?.speaker == "Pete Buckingham")
        #expect(q.last?.speaker != "Pete Buckingham")
    }

    @Test func aParticipleOrASecondVerbSpeaksForItsClausesSubject() {
        // Not the other person named in the clause.
        #expect(
            quotes(
                "At Sunday night's debate, Bernie Sanders compared himself to Hillary Clinton, saying, \"I don't get personal speaking fees from Goldman Sachs.\""
            ).first?.speaker == "Bernie Sanders")
        #expect(
            quotes(
                "Mayor Bill de Blasio said the move was made by commissioner Bill Bratton and said, \"Who are you going to trust on security?\""
            ).first?.speaker == "Bill de Blasio")
        #expect(
            quotes(
                "In an interview with journalist Matei Rosca, Marcel Lazar said he welcomed extradition and added, \"I'll plead guilty, no problem.\""
            ).first?.speaker == "Marcel Lazar")
    }
}
