import Foundation
import Testing
@testable import GazetteExtraction

@Suite struct NERModelTests {
    @Test func serialisationRoundTrips() throws {
        let floats = (0..<(1 << 12) * NERLabel.count).map { Float($0 % 17) - 8 }
        let model = NERModel(rowBits: 12, floats: floats)
        let loaded = try NERModel(data: model.serialized())
        #expect(loaded.weights == model.weights)
        #expect(loaded.scale == model.scale)
    }

    @Test func damagedFilesAreRejected() {
        let data = NERModel(rowBits: 12, floats: Array(repeating: 1, count: (1 << 12) * NERLabel.count)).serialized()
        #expect(throws: NERModel.LoadError.truncated(expected: data.count, actual: data.count - 2)) {
            try NERModel(data: data.dropLast(2))
        }
        #expect(throws: NERModel.LoadError.badHeader) { try NERModel(data: Data("not a model".utf8)) }
    }

    @Test func shippedResourcesLoad() {
        let tagger = NERTagger.shared
        #expect(tagger.model != nil)
        let text = AnalyzedText(body: "Flights from Paris to Canada")
        #expect(tagger.gazetteer.contains(2..<3, of: text, in: .city))
        #expect(tagger.gazetteer.contains(4..<5, of: text, in: .country))
    }

    @Test func trainerLearnsATinyCorpusDeterministically() {
        let sentence = NERTrainer.Sentence(tokens: ["Alice", "visited", "Paris", "."], tags: ["B-PER", "O", "B-LOC", "O"])
        let trainer = NERTrainer(gazetteer: Gazetteer(), rowBits: 12)
        let a = trainer.train([[sentence]], dev: [[sentence]], epochs: 3, seed: 1) { _ in }
        let b = trainer.train([[sentence]], dev: [[sentence]], epochs: 3, seed: 1) { _ in }
        #expect(a.weights == b.weights)
        #expect(trainer.evaluate(a, on: [[sentence]]).f1 == 1)
    }
}
