import Foundation
import Testing

@testable import GazetteExtraction
@testable import GazetteTraining

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
        func a(_ k: Int) -> Float { Float(k % 5) }  // 0…4
        func b(_ k: Int) -> Float { -Float(k % 3) * 10 }  // 0, -10, -20
        let mean = NERModel.average([
            NERModel(rowBits: 12, floats: (0..<count).map(a)), NERModel(rowBits: 12, floats: (0..<count).map(b)),
        ])
        for row in [0, 1, 7, (1 << 12) - 1] {
            let outside = row * NERLabel.count + Int(NERLabel.outside.rawValue)
            for label in NERLabel.allCases {
                let k = row * NERLabel.count + Int(label.rawValue)
                // Weights are kept relative to `O`'s.
                let expected = ((a(k) - a(outside)) + (b(k) - b(outside))) / 2
                #expect(abs(mean.weight(row: row, label: label) - expected) < 0.01, "row \(row) \(label)")
            }
        }
        let single = NERModel(rowBits: 12, floats: (0..<count).map(a))
        #expect(NERModel.average([single]).weights == single.weights)
    }

    @Test func scoresAreRelativeToOutside() {
        // One row where PER has weight 5 and O has 2: PER scores 3 above O.
        var floats = [Float](repeating: 0, count: (1 << 12) * NERLabel.count)
        floats[3 * NERLabel.count + Int(NERLabel.person.rawValue)] = 5
        floats[3 * NERLabel.count + Int(NERLabel.outside.rawValue)] = 2
        let model = NERModel(rowBits: 12, floats: floats)
        var scores = [Float](repeating: -1, count: NERLabel.count)
        [UInt32(3), UInt32(3)].withUnsafeBufferPointer { model.score($0, into: &scores) }
        #expect(scores[Int(NERLabel.outside.rawValue)] == 0)
        #expect(abs(scores[Int(NERLabel.person.rawValue)] * model.scale - 6) < 0.01)
        #expect(abs(scores[Int(NERLabel.location.rawValue)] * model.scale + 4) < 0.01)
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
        let sentence = NERTrainer.Sentence(
            tokens: ["Alice", "visited", "Paris", "."], tags: ["B-PER", "O", "B-LOC", "O"])
        let trainer = NERTrainer(gazetteer: Gazetteer(), rowBits: 12)
        let a = trainer.train([[sentence]], dev: [[sentence]], epochs: 3, seed: 1) { _ in }
        let b = trainer.train([[sentence]], dev: [[sentence]], epochs: 3, seed: 1) { _ in }
        #expect(a.weights == b.weights)
        #expect(trainer.evaluate(a, on: [[sentence]]).f1 == 1)
    }
}
