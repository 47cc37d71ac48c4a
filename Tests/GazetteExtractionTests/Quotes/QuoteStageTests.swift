import Foundation
import Testing

@testable import GazetteExtraction

@Suite struct QuoteStageTests {
    func quotes(_ body: String, entities: [Entity] = []) -> [Quote] {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: nil)
        analysis.entities = entities
        QuoteStage().run(&analysis)
        return analysis.quotes
    }

    @Test func pronounSpeakerIsTheSubjectOfTheTextNotTheLastNameSeen() {
        let body = """
            The failure of this week’s peace talks between Vladimir Putin and Donald Trump’s envoy Steve Witkoff fits a pattern.

            Putin could not be clearer that he sees Europe as Trump’s weak link. “Europe is preventing the US administration from achieving peace on Ukraine,” he said before the talks with Witkoff this week. “They are on the side of war,” he said a little later. “Russia does not intend to fight Europe, but if Europe starts, we are ready right now.”
            """
        let q = quotes(body)
        #expect(q.count == 3)
        #expect(q.allSatisfy { $0.kind == .direct && $0.speaker == "Vladimir Putin" })
        #expect(q[0].text.hasPrefix("Europe is preventing"))
    }

    @Test func saidNameAfterTheQuote() {
        let q = quotes("“We will keep going,” said Haley Morris, a campaign spokeswoman.")
        #expect(q == [Quote(text: "We will keep going,", speaker: "Haley Morris", kind: .direct, start: 1, end: 20)])
    }

    @Test func roleWordsBetweenVerbAndName() {
        let q = quotes("\"It is over,\" said Sanders campaign manager Jeff Weaver.")
        #expect(q.first?.speaker == "Jeff Weaver")
    }

    @Test func nameSaidColonBeforeTheQuote() {
        let q = quotes("Donald Trump spoke in Iowa. Trump said: “We have to be a lot tougher.”")
        #expect(q.count == 1)
        #expect(q.first?.speaker == "Donald Trump")
        #expect(q.first?.kind == .direct)
    }

    @Test func accordingTo() {
        let q = quotes("“The talks produced no compromise,” according to Kremlin aide Yuri Ushakov.")
        #expect(q.first?.speaker == "Yuri Ushakov")
    }

    @Test func appositionBetweenNameAndVerb() {
        let q = quotes("“We lost,” Soe Min, a USDP member in Yangon, said on Monday.")
        #expect(q.first?.speaker == "Soe Min")
    }

    @Test func quoteSplitAroundTheAttribution() {
        let q = quotes("“The deal is dead,” Sen. Ted Cruz said. “Nobody wants it.”")
        #expect(q.map(\.speaker) == ["Ted Cruz", "Ted Cruz"])
        #expect(q.map(\.kind) == [.direct, .direct])
    }

    @Test func quoteContinuedOverParagraphs() {
        let body =
            "Angela Merkel spoke first. “We will not give in to pressure.\n\n“Europe stands together on this,” she said."
        let q = quotes(body)
        #expect(q.count == 1)
        #expect(q.first?.text.hasPrefix("We will not give in") == true)
        #expect(q.first?.text.hasSuffix("on this,") == true)
        #expect(q.first?.speaker == "Angela Merkel")
    }

    @Test func partialQuoteTakesTheNamingSubject() {
        let body =
            "London-based historian Georgios Varouxakis is blunt. Europe lacks what Varouxakis calls “capacity for self-criticism” in its debate."
        let q = quotes(body)
        #expect(q.count == 1)
        #expect(q.first?.kind == .partial)
        #expect(q.first?.speaker == "Georgios Varouxakis")
    }

    @Test func scareQuotesAreNotSpeech() {
        let q = quotes("Starmer leads the so-called “coalition of the willing” and the “deal” stalled.")
        #expect(q.map(\.kind) == [.scare, .scare])
    }

    @Test func speakerIsTheCanonicalEntityName() {
        let body = "“We are ready right now,” Putin said."
        let putin = Entity(
            name: "Vladimir Putin", type: .person, aliases: ["Putin"], mentions: [Span(start: 28, end: 33)])
        #expect(quotes(body, entities: [putin]).first?.speaker == "Vladimir Putin")
    }

    @Test func unattributedQuoteParagraphContinuesTheLastSpeaker() {
        let body = "“We have to be tougher,” Donald Trump said.\n\n“We are playing with a different set of rules.”"
        #expect(quotes(body).map(\.speaker) == ["Donald Trump", "Donald Trump"])
    }

    @Test func dashSignature() {
        let q = quotes("“He represents our greatest shame.” ― Sonya Herridge")
        #expect(q.first?.speaker == "Sonya Herridge")
    }

    @Test func spansAreTheTextInsideTheMarks() {
        let body = "He said: \"Yes, we can.\" Then he left."
        let q = quotes(body)
        let scalars = Array(body.unicodeScalars)
        for quote in q {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[quote.start..<quote.end])
            #expect(String(s) == quote.text)
        }
        #expect(q.first?.text == "Yes, we can.")
    }

    @Test func adverbsInLyStandBetweenSubjectAndVerb() {
        let q = quotes("Donald Trump jokingly said, \"I hate to say it, I'm becoming mainstream.\"")
        #expect(q.first?.speaker == "Donald Trump")
    }

    @Test func anUnlistedVerbAfterAnUnfinishedQuoteIsItsAttribution() {
        let fumed = quotes(
            "\"If they were serious, they would have gone to the only bipartisan bill,\" Pat Toomey fumed on Tuesday.")
        #expect(fumed.first?.speaker == "Pat Toomey")
        let beamed = quotes("\"This is fantastic!\" beamed Donald Hartley of Madison, Alabama.")
        #expect(beamed.first?.speaker == "Donald Hartley")
    }

    @Test func aParagraphEndingInAColonIntroducesTheNextParagraphsQuote() {
        let body = """
            Barack Obama spoke first.

            Donald Trump tweeted on Sunday:

            “We are being led by people that don’t know what they are doing.”
            """
        #expect(quotes(body).map(\.speaker) == ["Donald Trump"])
        // An organisation introducing it is no person, and no pronoun guess replaces it.
        let foundation = """
            Hillary Clinton is under investigation.

            The Clinton Foundation describes itself in the following way:

            “Everywhere we go, we’re trying to work ourselves out of a job.”
            """
        #expect(quotes(foundation).map(\.speaker) == [nil])
    }
}
