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

    @Test func averagingModelsAveragesTheirTrainedWeights() {
        let count = (1 << 12) * NERLabel.count
        let a = NERModel(rowBits: 12, floats: (0..<count).map { Float($0 % 5) })  // 0…4
        let b = NERModel(rowBits: 12, floats: (0..<count).map { -Float($0 % 3) * 10 })  // 0, -10, -20
        let mean = NERModel.average([a, b])
        for k in [0, 1, 2, 7, count - 1] {
            let expected = (Float(k % 5) - Float(k % 3) * 10) / 2
            #expect(abs(Float(mean.weights.buffer[k]) * mean.scale - expected) < 0.01, "weight \(k)")
        }
        #expect(NERModel.average([a]).weights == a.weights)
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
        // WordNet's named instances, by type.
        let names = AnalyzedText(body: "Hezbollah and the Red Cross met Jimi Hendrix by the Danube")
        #expect(tagger.gazetteer.contains(0..<1, of: names, in: .organisation))
        #expect(tagger.gazetteer.contains(3..<5, of: names, in: .organisation))
        #expect(tagger.gazetteer.contains(6..<8, of: names, in: .person))
        #expect(tagger.gazetteer.contains(10..<11, of: names, in: .place))
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
