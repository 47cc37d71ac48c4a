import Foundation
import GazetteExtraction

/// Trains the tagger as an averaged perceptron over greedy decoding (the decoder the
/// pipeline uses, with its own predictions as history). Deterministic: documents are
/// visited in an order drawn from a fixed-seed generator.
public struct NERTrainer {
    /// A sentence of gold tokens and their BIO tags (`B-PER`, `I-ORG`, `O`…).
    public struct Sentence: Sendable {
        public var tokens: [String]
        public var tags: [String]

        public init(tokens: [String], tags: [String]) {
            self.tokens = tokens
            self.tags = tags
        }
    }

    public typealias Document = [Sentence]

    /// Entity-level scores over PER, LOC and ORG (CoNLL exact match).
    public struct Score: Sendable, CustomStringConvertible {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// F1 per class: PER, LOC, ORG, MISC.
        public var perType: [Double]

        public var description: String {
            String(
                format: "F1(PER,LOC,ORG)=%.4f P=%.4f R=%.4f | PER=%.4f LOC=%.4f ORG=%.4f MISC=%.4f",
                f1, precision, recall, perType[0], perType[1], perType[2], perType[3])
        }
    }

    public let gazetteer: Gazetteer
    public let clusters: WordClusters
    public let rowBits: Int

    public init(gazetteer: Gazetteer, clusters: WordClusters = WordClusters(), rowBits: Int = 19) {
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.rowBits = rowBits
    }

    /// Trains for up to `epochs` passes and returns the averaged model of the epoch that
    /// scored best on `dev`. `log` receives one line per epoch.
    public func train(
        _ documents: [Document], dev: [Document], epochs: Int, seed: UInt64, log: (String) -> Void
    ) -> NERModel {
        let tagger = NERTagger(model: nil, gazetteer: gazetteer, clusters: clusters)
        let prepared = documents.map { prepare($0, tagger: tagger) }
        let table = TrainingTable(rowBits: rowBits)
        var rng = SplitMix64(seed: seed)
        var order = Array(prepared.indices)
        var best: (score: Double, model: NERModel)? = nil
        var buffers = Buffers(capacity: 1)
        for epoch in 1...max(1, epochs) {
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(k, Int(rng.next() % UInt64(k + 1)))
            }
            var errors = 0
            var tokens = 0
            for d in order {
                var history = DocumentHistory()
                for s in prepared[d] {
                    let gold = s.labels
                    buffers.load(s)
                    tagger.tag(
                        table, count: s.words.count, words: &buffers.words, begin: &buffers.begin,
                        inside: &buffers.inside,
                        features: &buffers.features, labels: &buffers.labels, history: &history
                    ) { i, predicted, features in
                        table.tick()
                        if predicted != gold[i] {
                            errors += 1
                            table.update(features, gold: gold[i], predicted: predicted)
                        }
                    }
                    tokens += s.words.count
                }
            }
            let model = table.averagedModel()
            let score = evaluate(model, on: dev)
            log("epoch \(epoch): train token errors \(errors)/\(tokens); dev \(score)")
            if best == nil || score.f1 > best!.score { best = (score.f1, model) }
        }
        return best!.model
    }

    /// Scores `model` on gold documents. Gold names are read as the IO tagger reads them, so two
    /// names of one type side by side count as one; `score_ner.py` scores the file's own spans.
    public func evaluate(_ model: NERModel, on documents: [Document]) -> Score {
        let tagger = NERTagger(model: model, gazetteer: gazetteer, clusters: clusters)
        var tp = [0, 0, 0, 0]
        var fp = [0, 0, 0, 0]
        var fn = [0, 0, 0, 0]
        var buffers = Buffers(capacity: 1)
        for doc in documents {
            var history = DocumentHistory()
            for s in prepare(doc, tagger: tagger) {
                buffers.load(s)
                tagger.tag(
                    model, count: s.words.count, words: &buffers.words, begin: &buffers.begin, inside: &buffers.inside,
                    features: &buffers.features, labels: &buffers.labels, history: &history)
                var predicted: [NERTagger.Mention] = []
                var gold: [NERTagger.Mention] = []
                tagger.collect(buffers.labels[0..<s.words.count], offset: 0, into: &predicted)
                tagger.collect(s.labels[...], offset: 0, into: &gold)
                let g = Set(gold.map { "\($0.tokens) \($0.kind)" })
                let p = Set(predicted.map { "\($0.tokens) \($0.kind)" })
                for m in predicted {
                    if g.contains("\(m.tokens) \(m.kind)") {
                        tp[m.kind.rawValue] += 1
                    } else {
                        fp[m.kind.rawValue] += 1
                    }
                }
                for m in gold where !p.contains("\(m.tokens) \(m.kind)") { fn[m.kind.rawValue] += 1 }
            }
        }
        func f(_ t: Int, _ p: Int, _ n: Int) -> (Double, Double, Double) {
            let pr = t + p == 0 ? 0 : Double(t) / Double(t + p)
            let rc = t + n == 0 ? 0 : Double(t) / Double(t + n)
            return (pr, rc, pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc))
        }
        let core = f(tp[0...2].reduce(0, +), fp[0...2].reduce(0, +), fn[0...2].reduce(0, +))
        return Score(
            precision: core.0, recall: core.1, f1: core.2, perType: (0..<4).map { f(tp[$0], fp[$0], fn[$0]).2 })
    }

    /// The sentences of one document with their document-level features set.
    func prepare(_ document: Document, tagger: NERTagger) -> [Prepared] {
        var sentences = document.map(Prepared.init)
        var words = sentences.flatMap(\.words)
        var ranges: [Range<Int>] = []
        for s in sentences {
            ranges.append((ranges.last?.upperBound ?? 0)..<((ranges.last?.upperBound ?? 0) + s.words.count))
        }
        tagger.prepare(&words, sentences: ranges)
        for (k, r) in ranges.enumerated() { sentences[k].words = Array(words[r]) }
        return sentences
    }

    struct Buffers {
        var words: [TokenFeatures]
        var begin: [UInt16]
        var inside: [UInt16]
        var features: [UInt32]
        var labels: [NERLabel]

        init(capacity n: Int) {
            words = Array(repeating: TokenFeatures(), count: n)
            begin = Array(repeating: 0, count: n)
            inside = Array(repeating: 0, count: n)
            features = Array(repeating: 0, count: n * NERFeatures.staticCount)
            labels = Array(repeating: .outside, count: n)
        }

        mutating func load(_ s: Prepared) {
            if words.count < s.words.count { self = Buffers(capacity: s.words.count) }
            for (k, w) in s.words.enumerated() { words[k] = w }
        }
    }

    /// Float weights with lazily averaged totals (w − u/c trick).
    final class TrainingTable: NERWeightTable {
        let rowBits: Int
        let mask: UInt32
        var weights: [Float]
        var totals: [Double]
        var clock: Double = 1

        init(rowBits: Int) {
            self.rowBits = rowBits
            self.mask = UInt32((1 << rowBits) - 1)
            weights = Array(repeating: 0, count: (1 << rowBits) * NERLabel.count)
            totals = Array(repeating: 0, count: weights.count)
        }

        func score(_ rows: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutablePointer<Float>) {
            for k in 0..<NERLabel.count { scores[k] = 0 }
            for row in rows {
                let base = Int(row) * NERLabel.count
                for k in 0..<NERLabel.count { scores[k] += weights[base + k] }
            }
        }

        func tick() { clock += 1 }

        func update(_ features: UnsafeBufferPointer<UInt32>, gold: NERLabel, predicted: NERLabel) {
            for row in features {
                let base = Int(row) * NERLabel.count
                weights[base + Int(gold.rawValue)] += 1
                totals[base + Int(gold.rawValue)] += clock
                weights[base + Int(predicted.rawValue)] -= 1
                totals[base + Int(predicted.rawValue)] -= clock
            }
        }

        func averagedModel() -> NERModel {
            var avg = [Float](repeating: 0, count: weights.count)
            for k in 0..<weights.count { avg[k] = Float(Double(weights[k]) - totals[k] / clock) }
            return NERModel(rowBits: rowBits, floats: avg)
        }
    }
}
