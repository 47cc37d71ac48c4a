import Foundation
import Testing

@testable import GazetteExtraction

/// Issue 14.17: the analysis reads at most a bounded start of the body, so one extraction's
/// memory is bounded whatever the file's shape; the record says when it did.
@Suite struct AnalysisLimitTests {
    static let paragraph =
        "The port of Leith reopened on Tuesday after a week of storms, the harbour master said. "
        + "Ferries to Orkney will sail again from Thursday."

    @Test func aShortBodyIsAnalysedWhole() {
        let text = Self.paragraph[...]
        #expect(AnalysisLimit.prefix(of: text, limit: 1_000) == text)
        #expect(AnalysisLimit.prefix(of: text, limit: text.unicodeScalars.count) == text)
    }

    @Test func aLongBodyIsCutAtAParagraphThenALineThenAWordThenAnywhere() {
        let paragraphs = Array(repeating: Self.paragraph, count: 10).joined(separator: "\n\n")
        // The limit falls just inside the fourth paragraph: the cut is after the third.
        let limit = 3 * (Self.paragraph.unicodeScalars.count + 2) + 10
        let cut = AnalysisLimit.prefix(of: paragraphs[...], limit: limit)
        #expect(cut.unicodeScalars.count == limit - 12)
        #expect(cut.hasSuffix("from Thursday."))
        #expect(paragraphs[cut.endIndex...].hasPrefix("\n\n"))

        let lines = Array(repeating: "Ferries sail again from Thursday.", count: 40).joined(separator: "\n")
        let lineCut = AnalysisLimit.prefix(of: lines[...], limit: 300)
        #expect(lineCut.hasSuffix("Thursday."))

        let oneLine = Array(repeating: "ferries", count: 100).joined(separator: " ")
        let wordCut = AnalysisLimit.prefix(of: oneLine[...], limit: 300)
        #expect(wordCut.hasSuffix("ferries"))
        #expect(wordCut.unicodeScalars.count <= 300)

        let word = String(repeating: "é", count: 1_000)
        #expect(AnalysisLimit.prefix(of: word[...], limit: 300).unicodeScalars.count == 300)
    }

    @Test func wordsAreCountedAChunkAtATimeAsWhole() {
        let body = Array(repeating: Self.paragraph, count: 30).joined(separator: "\n\n")
        let scalars = body.scalarArray
        let whole = Extractor.wordCount(scalars: scalars, tokens: Tokenizer.tokenize(scalars))
        #expect(AnalysisLimit.wordCount(of: body[...], limit: 250) == whole)
    }

    @Test("a word longer than a chunk is one word, not one per chunk")
    func aWordAcrossChunksIsCountedOnce() {
        let word = String(repeating: "a", count: 1_000)
        #expect(AnalysisLimit.wordCount(of: word[...], limit: 300) == 1)
        #expect(AnalysisLimit.wordCount(of: (word + " and " + word)[...], limit: 300) == 3)
    }

    @Test func aRecordSaysHowMuchOfALongBodyWasAnalysed() throws {
        let body = Array(repeating: Self.paragraph, count: 40).joined(separator: "\n\n")
        let bytes = Array(("Leith reopens\n\n" + body).utf8)
        let document = SourceDocument(path: "long.txt", bytes: bytes, modified: Date(timeIntervalSince1970: 1.7e9))
        let whole = try Extractor().extract(document)
        let bounded = try Extractor(analysisLimit: 2_000).extract(document)

        #expect(whole.analyzedChars == nil)
        let analysed = try #require(bounded.analyzedChars)
        #expect(analysed <= 2_000 && analysed > 1_500)
        #expect(bounded.body == whole.body)
        #expect(bounded.wordCount == whole.wordCount)
        #expect(bounded.entities.flatMap(\.mentions).allSatisfy { $0.end <= analysed })
        #expect(bounded.dates.allSatisfy { $0.end <= analysed })
        #expect(!bounded.entities.isEmpty)
        let json = String(decoding: try ExtractionRecord.encoder().encode(bounded), as: UTF8.self)
        #expect(json.contains("\"analyzed_chars\":\(analysed)"))
        #expect(
            !String(decoding: try ExtractionRecord.encoder().encode(whole), as: UTF8.self).contains("analyzed_chars"))
    }
}
