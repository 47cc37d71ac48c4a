import Foundation
import Testing

@testable import GazetteExtraction
@testable import GazetteTraining

/// Document-level and corpus-level inputs of the NER features: casing elsewhere in the
/// document, word clusters, and the trainer's view of gold sentences.
@Suite struct NERDocumentFeatureTests {
    /// Token features of `text` and its sentences, as the tagger sees them.
    func words(_ body: String) -> (words: [TokenFeatures], sentences: [Range<Int>], text: AnalyzedText) {
        let text = AnalyzedText(body: body)
        return (text.tokens.map { TokenFeatures(text.scalars, $0.range) }, text.sentences.map(\.tokens), text)
    }

    func casing(of word: String, in body: String, occurrence: Int = 0) -> UInt8 {
        var (w, sentences, text) = words(body)
        DocumentCasing.mark(&w, sentences: sentences) { _ in false }
        let hits = text.tokens.indices.filter { text.text(of: text.tokens[$0]) == word }
        return w[hits[occurrence]].casing
    }

    @Test func casingElsewhereInTheDocument() {
        let body = "SURPRISE WIN FOR CLINTON\nSurprise was general. Voters backed Clinton in a surprise result."
        // The headline word also appears in lower case; the name capitalised mid-sentence.
        #expect(casing(of: "SURPRISE", in: body) & DocumentCasing.lowerElsewhere != 0)
        #expect(casing(of: "SURPRISE", in: body) & DocumentCasing.capitalisedElsewhere == 0)
        #expect(casing(of: "CLINTON", in: body) & DocumentCasing.capitalisedElsewhere != 0)
        #expect(casing(of: "CLINTON", in: body) & DocumentCasing.lowerElsewhere == 0)
        // A word's own position does not count as "elsewhere".
        #expect(casing(of: "Clinton", in: body) & DocumentCasing.capitalisedElsewhere == 0)
    }

    @Test func wordsOfACompanyNameAreMarked() {
        let text = AnalyzedText(body: "Newmont Mining Corp made a bid. Newmont said little.")
        var w = text.tokens.map { TokenFeatures(text.scalars, $0.range) }
        let corp = w[2].lower
        DocumentCasing.mark(&w, sentences: text.sentences.map(\.tokens)) { $0.lower == corp }
        #expect(w[0].casing & DocumentCasing.inOrganisationName != 0)
        #expect(w[7].casing & DocumentCasing.inOrganisationName != 0)  // the later `Newmont`
        #expect(w[5].casing & DocumentCasing.inOrganisationName == 0)  // `bid`
    }

    /// Regression: each organisation suffix in a capitalised run marked the whole run again, so
    /// a 320 KB line of `Council Council …` took over a minute to extract (quadratic).
    @Test(.timeLimit(.minutes(1))) func aLongRunOfSuffixesIsMarkedInLinearTime() {
        let count = 200_000
        let text = AnalyzedText(body: "we saw " + String(repeating: "Acme Council ", count: count) + "meet.")
        var w = text.tokens.map { TokenFeatures(text.scalars, $0.range) }
        let council = TokenFeatures(Array("council".unicodeScalars), 0..<7).lower
        DocumentCasing.mark(&w, sentences: text.sentences.map(\.tokens)) { $0.lower == council }
        #expect(w[2].casing & DocumentCasing.inOrganisationName != 0)  // the first `Acme`
        #expect(w[2 * count].casing & DocumentCasing.inOrganisationName != 0)  // the last `Acme`
        #expect(w[1].casing & DocumentCasing.inOrganisationName == 0)  // `saw`
    }

    @Test func contextsOfTheOtherOccurrencesOfAWord() {
        var (w, sentences, text) = words("Bologna beat Napoli 3-1. Fans of Bologna sang. Bologna said nothing.")
        DocumentContexts.mark(&w, sentences: sentences)
        let bologna = text.tokens.indices.filter { text.text(of: text.tokens[$0]) == "Bologna" }
        let of = TokenFeatures(Array("of".unicodeScalars), 0..<2).lower
        let sang = TokenFeatures(Array("sang".unicodeScalars), 0..<4).lower
        let said = TokenFeatures(Array("said".unicodeScalars), 0..<4).lower
        let beat = TokenFeatures(Array("beat".unicodeScalars), 0..<4).lower
        // The first occurrence sees only the next one (`of` · `sang`); the middle one sees the
        // sentence edge and `beat` before it and `said` after it; the last sees only the one before.
        #expect(w[bologna[0]].elsewhere.0 == 0 && w[bologna[0]].elsewhere.1 == 0)
        #expect(w[bologna[0]].elsewhere.2 == of && w[bologna[0]].elsewhere.3 == sang)
        #expect(w[bologna[1]].elsewhere.0 == DocumentContexts.edge && w[bologna[1]].elsewhere.1 == beat)
        #expect(w[bologna[1]].elsewhere.2 == DocumentContexts.edge && w[bologna[1]].elsewhere.3 == said)
        #expect(w[bologna[2]].elsewhere.0 == of && w[bologna[2]].elsewhere.1 == sang)
        #expect(w[bologna[2]].elsewhere.2 == 0 && w[bologna[2]].elsewhere.3 == 0)
        // A word seen once has no other contexts.
        let napoli = text.tokens.indices.first { text.text(of: text.tokens[$0]) == "Napoli" }!
        #expect(w[napoli].elsewhere == (0, 0, 0, 0))
    }

    @Test func clusterFileRoundTripsAndPrefixesAreTagged() throws {
        let word = TokenFeatures(Array("paris".unicodeScalars), 0..<5).lower
        var data = Data(WordClusters.magic)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        put(UInt32(1))
        put(word)
        put(UInt32(6) << 24 | 0b101100)
        let clusters = try WordClusters(data: data)
        let path = clusters.path(of: word)
        #expect(WordClusters.prefix(path, 4) == 0b1011 | 4 << 32)
        #expect(WordClusters.prefix(path, 20) == 0b101100 | 6 << 32)
        #expect(clusters.path(of: word &+ 1) == 0)
        #expect(WordClusters.prefix(0, 4) == 0)
        #expect(throws: WordClusters.LoadError.truncated(expected: 24, actual: 23)) {
            try WordClusters(data: data.dropLast())
        }
        #expect(throws: WordClusters.LoadError.badHeader) { try WordClusters(data: Data("GZNER001xxxx".utf8)) }
    }

    @Test func shippedClustersLoad() {
        #expect(NERTagger.shared.clusters.count > 1000)
        let monday = TokenFeatures(Array("Monday".unicodeScalars), 0..<6).lower
        let tuesday = TokenFeatures(Array("Tuesday".unicodeScalars), 0..<7).lower
        #expect(NERTagger.shared.clusters.path(of: monday) != 0)
        #expect(NERTagger.shared.clusters.path(of: monday) == NERTagger.shared.clusters.path(of: tuesday))
    }

    @Test func trainerSeesThePipelinesTokens() {
        let s = NERTrainer.Sentence(
            tokens: ["Mr.", "Smith", "'s", "U.S.-based", "firm", "(", "Acme", ")", "won", "2-0", "."],
            tags: ["O", "B-PER", "O", "B-MISC", "O", "O", "B-ORG", "O", "O", "O", "O"])
        let p = NERTrainer.Prepared(s)
        // Mr . Smith 's U.S. - based firm ( Acme ) won 2 - 0 .
        #expect(p.words.count == 16)
        #expect(
            p.labels == [
                .outside, .outside, .person, .outside, .misc, .misc, .misc, .outside, .outside,
                .organization, .outside, .outside, .outside, .outside, .outside, .outside,
            ])
    }

    /// Scores `ORG` highest whatever the features.
    struct AlwaysOrganisation: NERWeightTable {
        var mask: UInt32 { 0xFFF }
        func score(_ rows: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutablePointer<Float>) {
            for k in 0..<NERLabel.count { scores[k] = k == Int(NERLabel.organization.rawValue) ? 1 : 0 }
        }
    }

    @Test func aRunOfOneTypeIsOneName() {
        let tagger = NERTagger(model: nil, gazetteer: Gazetteer())
        var mentions: [NERTagger.Mention] = []
        tagger.collect(
            [.organization, .organization, .outside, .person, .location, .location, .misc][...], offset: 10,
            into: &mentions)
        #expect(
            mentions == [
                NERTagger.Mention(tokens: 10..<12, kind: .organization),
                NERTagger.Mention(tokens: 13..<14, kind: .person),
                NERTagger.Mention(tokens: 14..<16, kind: .location), NERTagger.Mention(tokens: 16..<17, kind: .misc),
            ])
    }

    @Test func aLowerCaseWordAfterOutsideIsOutsideWithoutScoring() {
        let tagger = NERTagger(model: nil, gazetteer: Gazetteer())
        // The table would put every word in a name: the lower-case words after `O` stay `O`
        // unscored; `of` right after a name is scored and continues it (`Bank of England`).
        let (all, _, _) = words("the talks said Bank of England")
        var w = all
        var begin = [UInt16](repeating: 0, count: w.count)
        var inside = begin
        var features = [UInt32](repeating: 0, count: w.count * NERFeatures.staticCount)
        var labels = [NERLabel](repeating: .outside, count: w.count)
        var history = DocumentHistory()
        tagger.tag(
            AlwaysOrganisation(), count: w.count, words: &w, begin: &begin, inside: &inside, features: &features,
            labels: &labels, history: &history)
        #expect(labels == [.outside, .outside, .outside, .organization, .organization, .organization])
        // `al-Qaida` has a capital inside: scored.
        var q = words("the al-Qaida cell").words
        tagger.tag(
            AlwaysOrganisation(), count: q.count, words: &q, begin: &begin, inside: &inside, features: &features,
            labels: &labels, history: &history)
        #expect(Array(labels[0..<3]) == [.outside, .organization, .organization])
        // Training scores every word: the model learns from its own choices everywhere.
        var seen: [NERLabel] = []
        tagger.tag(
            AlwaysOrganisation(), count: w.count, words: &w, begin: &begin, inside: &inside, features: &features,
            labels: &labels, history: &history
        ) { _, label, _ in
            seen.append(label)
        }
        #expect(seen == Array(repeating: .organization, count: w.count))
    }
}
