import Foundation
import Testing
@testable import GazetteExtraction

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
        #expect(throws: WordClusters.LoadError.truncated(expected: 24, actual: 23)) { try WordClusters(data: data.dropLast()) }
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
        #expect(p.labels == [
            .outside, .outside, .beginPerson, .outside, .beginMisc, .insideMisc, .insideMisc, .outside, .outside,
            .beginOrganization, .outside, .outside, .outside, .outside, .outside, .outside,
        ])
    }

    /// Scores `B-ORG` highest whatever the features.
    struct AlwaysBeginOrganisation: NERWeightTable {
        var mask: UInt32 { 0xFFF }
        func score(_ rows: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutablePointer<Float>) {
            for k in 0..<NERLabel.count { scores[k] = k == Int(NERLabel.beginOrganization.rawValue) ? 1 : 0 }
        }
    }

    @Test func aBeginRightAfterTheSameTypeContinuesTheNameWhenTagging() {
        let tagger = NERTagger(model: nil, gazetteer: Gazetteer())
        var words = [TokenFeatures](repeating: TokenFeatures(), count: 2)
        var begin = [UInt16](repeating: 0, count: 2)
        var inside = begin
        var features = [UInt32](repeating: 0, count: 2 * NERFeatures.staticCount)
        var labels = [NERLabel](repeating: .outside, count: 2)
        var history = DocumentHistory()
        tagger.tag(AlwaysBeginOrganisation(), count: 2, words: &words, begin: &begin, inside: &inside, features: &features, labels: &labels, history: &history)
        #expect(labels == [.beginOrganization, .insideOrganization])
        // Training sees the model's own choice.
        var seen: [NERLabel] = []
        tagger.tag(AlwaysBeginOrganisation(), count: 2, words: &words, begin: &begin, inside: &inside, features: &features, labels: &labels, history: &history) { _, label, _ in
            seen.append(label)
        }
        #expect(seen == [.beginOrganization, .beginOrganization])
    }

    @Test func aLowerCaseWordAfterOutsideIsOutsideWithoutScoring() {
        let tagger = NERTagger(model: nil, gazetteer: Gazetteer())
        // The table would start a name at every word: the lower-case words after `O` stay `O`
        // unscored; `of` right after a name is scored and continues it (`Bank of England`).
        let (all, _, _) = words("the talks said Bank of England")
        var w = all
        var begin = [UInt16](repeating: 0, count: w.count)
        var inside = begin
        var features = [UInt32](repeating: 0, count: w.count * NERFeatures.staticCount)
        var labels = [NERLabel](repeating: .outside, count: w.count)
        var history = DocumentHistory()
        tagger.tag(AlwaysBeginOrganisation(), count: w.count, words: &w, begin: &begin, inside: &inside, features: &features, labels: &labels, history: &history)
        #expect(labels == [.outside, .outside, .outside, .beginOrganization, .insideOrganization, .insideOrganization])
        // Training scores every word: the model learns from its own choices everywhere.
        var seen: [NERLabel] = []
        tagger.tag(AlwaysBeginOrganisation(), count: w.count, words: &w, begin: &begin, inside: &inside, features: &features, labels: &labels, history: &history) { _, label, _ in
            seen.append(label)
        }
        #expect(seen.count == w.count)
        #expect(seen.allSatisfy { $0 == .beginOrganization })
    }
}
