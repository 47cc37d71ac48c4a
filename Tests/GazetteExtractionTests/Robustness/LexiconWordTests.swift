import Foundation
import GazetteFuzzing
import Testing

@testable import GazetteExtraction

/// Each word of the rule-based stages' lexicons by itself and at the edges of a sentence, a
/// line and the text, through the text pipeline: these words make the stages look ahead and
/// behind (`over` at the very end once read past the last token).
@Suite struct LexiconWordTests {
    static let lexicons: [String: [String]] = [
        "DateLexicon.months": Array(DateLexicon.months.keys),
        "DateLexicon.weekdays": Array(DateLexicon.weekdays.keys),
        "DateLexicon.ordinals": Array(DateLexicon.ordinals.keys),
        "DateLexicon.dayParts": Array(DateLexicon.dayParts),
        "DateLexicon.modifiers": Array(DateLexicon.modifiers),
        "DateLexicon.future": Array(DateLexicon.future),
        "DateLexicon.reporting": Array(DateLexicon.reporting),
        "DateLexicon.pastVerbs": Array(DateLexicon.pastVerbs),
        "DateLexicon.unit": [
            "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "ago", "weekend",
            "quarter",
        ],
        "DateScanner.modifierWords": Array(DateScanner.modifierWords.keys) + [
            "end of", "the end of", "the beginning of", "middle of",
        ],
        "DateScanner.coreWords": Array(DateScanner.coreWords.keys),
        "DateScanner.monthPrepositions": Array(DateScanner.monthPrepositions.keys),
        "NumberWords.units": Array(NumberWords.units.keys) + ["twenty-five", "ninety-nine"],
        "NumberWords.magnitudes": Array(NumberWords.magnitudes.keys),
        "AmountScanner.symbols": AmountScanner.symbols.keys.map { String($0) },
        "AmountScanner.dollarPrefixes": AmountScanner.dollarPrefixes.keys.map { $0.uppercased() + "$" },
        "AmountScanner.prefixWords": Array(AmountScanner.prefixWords.keys),
        "AmountScanner.suffixWords": Array(AmountScanner.suffixWords.keys) + ["per cent", "percent", "%"],
        "QuoteLexicon.speechVerbs": Array(QuoteLexicon.speechVerbs),
        "QuoteLexicon.namingVerbs": Array(QuoteLexicon.namingVerbs),
        "QuoteLexicon.pronouns": Array(QuoteLexicon.pronouns),
        "QuoteLexicon.adverbs": Array(QuoteLexicon.adverbs),
        "QuoteLexicon.titles": Array(QuoteLexicon.titles),
        "QuoteLexicon.notNames": Array(QuoteLexicon.notNames),
        "AttributionReader.phraseEnders": Array(AttributionReader.phraseEnders) + ["according to"],
        "AttributionReader.dashes": AttributionReader.dashes.map { String($0) },
        "QuoteText.particles": Array(QuoteText.particles),
        "SpeakerResolver.organisationWords": Array(SpeakerResolver.organisationWords),
        "EntityLexicon.neverAlone": Array(EntityLexicon.neverAlone),
        "EntityLexicon.nameParticles": Array(EntityLexicon.nameParticles),
        "EntityLexicon.groups": Array(EntityLexicon.groups.keys),
        "EntityLexicon.aliases": Array(EntityLexicon.aliases.keys) + ["U.S.", "U.K.", "E.U."],
        "EntityLexicon.titles": Array(EntityLexicon.titles) + ["Mr.", "Dr.", "Sen."],
        "EntityLexicon.stormWords": Array(EntityLexicon.stormWords.keys),
        "EntityLexicon.modifiers": EntityLexicon.modifierPrefixes.map { $0 + "-" }
            + EntityLexicon.modifierSuffixes.map { "-" + $0 },
        "EntityLexicon.personalTitles": Array(EntityLexicon.personalTitles),
        "EntityLexicon.roleHeads": Array(EntityLexicon.roleHeads),
        "EntityLexicon.roleStops": Array(EntityLexicon.roleStops),
        "SentenceSplitter.abbreviations": Array(SentenceSplitter.abbreviations),
    ]

    static let published = Date(timeIntervalSince1970: 1_764_748_800)

    /// `word` alone, capitalised, ending the text, a paragraph and a line, and next to the
    /// numbers, quotes and names the stages pair it with.
    static func settings(_ word: String) -> [String] {
        let capitalised = word.prefix(1).uppercased() + word.dropFirst()
        return [
            word, "\(capitalised).", "The report said \(word)", "The game is \(word)\n\nIt ended on 12 February 2025.",
            "The game is \(word)\nNext year", "It cost $5 \(word)", "“No,” said Mr \(word)",
            "\(capitalised) 12 Vladimir Putin",
        ]
    }

    @Test(arguments: lexicons.keys.sorted())
    func eachWord(_ lexicon: String) throws {
        let words = try #require(Self.lexicons[lexicon])
        #expect(!words.isEmpty)
        for word in words.sorted() {
            for body in Self.settings(word) {
                let analysis = FrontFixtures.extractor.analyze(body: body, publishedAt: Self.published)
                #expect(Invariants.violations(in: analysis) == [], "\(body.debugDescription)")
            }
        }
    }
}
