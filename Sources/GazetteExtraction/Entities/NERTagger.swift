import Foundation

/// Named-entity tagger: the trained ``NERModel`` plus the ``Gazetteer`` and ``WordClusters`` its
/// features read.
/// Load once and share (``shared``); tagging allocates only per-article scratch buffers.
public struct NERTagger: Sendable {
    /// One tagged span: tokens of the ``AnalyzedText`` and the CoNLL class.
    public struct Mention: Sendable, Equatable {
        public enum Kind: Int, Sendable { case person, location, organization, misc }
        public var tokens: Range<Int>
        public var kind: Kind
    }

    let model: NERModel?
    public let gazetteer: Gazetteer
    public let clusters: WordClusters

    public init(model: NERModel?, gazetteer: Gazetteer, clusters: WordClusters = WordClusters()) {
        self.model = model
        self.gazetteer = gazetteer
        self.clusters = clusters
    }

    /// The model and gazetteers shipped in the module's `Resources/ner/`, loaded on first use.
    /// A missing or damaged model leaves a tagger that finds nothing rather than failing.
    public static let shared: NERTagger = {
        guard let url = Bundle.module.url(forResource: "ner", withExtension: "model", subdirectory: "Resources/ner")
        else {
            return NERTagger(model: nil, gazetteer: Gazetteer())
        }
        let dir = url.deletingLastPathComponent()
        let model = (try? Data(contentsOf: url)).flatMap { try? NERModel(data: $0) }
        return NERTagger(model: model, gazetteer: Gazetteer.load(from: dir), clusters: WordClusters.load(from: dir))
    }()

    /// Tags every sentence of `text`, in order.
    public func mentions(in text: AnalyzedText) -> [Mention] {
        guard let model else { return [] }
        var out: [Mention] = []
        var history = DocumentHistory()
        let longest = text.sentences.reduce(0) { max($0, $1.tokens.count) }
        guard longest > 0 else { return [] }
        var all = text.tokens.map { TokenFeatures(text.scalars, $0.range) }
        prepare(&all, sentences: text.sentences.map(\.tokens))
        var words = [TokenFeatures](repeating: TokenFeatures(), count: longest)
        var begin = [UInt16](repeating: 0, count: longest)
        var inside = [UInt16](repeating: 0, count: longest)
        var features = [UInt32](repeating: 0, count: longest * NERFeatures.staticCount)
        var labels = [NERLabel](repeating: .outside, count: longest)
        for sentence in text.sentences {
            let n = sentence.tokens.count
            for (k, t) in sentence.tokens.enumerated() { words[k] = all[t] }
            tag(
                model, count: n, words: &words, begin: &begin, inside: &inside, features: &features, labels: &labels,
                history: &history)
            collect(labels[0..<n], offset: sentence.tokens.lowerBound, into: &out)
        }
        return out
    }

    /// Adds each word's cluster path (``WordClusters``) and the document's casing evidence
    /// (``DocumentCasing``) to `words`, one whole document; `sentences` index into it.
    package func prepare(_ words: inout [TokenFeatures], sentences: [Range<Int>]) {
        for k in words.indices { words[k].cluster = clusters.path(of: words[k].lower) }
        let gazetteer = self.gazetteer
        DocumentCasing.mark(&words, sentences: sentences) {
            gazetteer.lists(ofPhrase: CollectionOfOne($0.lower)) & Gazetteer.List.orgSuffix.bit != 0
        }
        DocumentContexts.mark(&words, sentences: sentences)
    }

    package func tag(
        _ weights: some NERWeightTable, count n: Int, words: inout [TokenFeatures], begin: inout [UInt16],
        inside: inout [UInt16],
        features: inout [UInt32], labels: inout [NERLabel], history: inout DocumentHistory,
        learn: ((Int, NERLabel, UnsafeBufferPointer<UInt32>) -> Void)? = nil
    ) {
        words.withUnsafeBufferPointer { w in
            let w = UnsafeBufferPointer(rebasing: w[0..<n])
            begin.withUnsafeMutableBufferPointer { b in
                inside.withUnsafeMutableBufferPointer { ins in
                    let b = UnsafeMutableBufferPointer(rebasing: b[0..<n])
                    let ins = UnsafeMutableBufferPointer(rebasing: ins[0..<n])
                    gazetteer.match(w, begin: b, inside: ins)
                    features.withUnsafeMutableBufferPointer { f in
                        NERFeatures.extract(
                            w, begin: UnsafeBufferPointer(b), inside: UnsafeBufferPointer(ins), mask: weights.mask,
                            into: UnsafeMutableBufferPointer(rebasing: f[0..<(n * NERFeatures.staticCount)]))
                        labels.withUnsafeMutableBufferPointer { l in
                            NERDecoder.decode(
                                weights, words: w, features: UnsafeBufferPointer(f), history: &history,
                                labels: UnsafeMutableBufferPointer(rebasing: l[0..<n]), learn: learn)
                        }
                    }
                }
            }
        }
    }

    /// Turns labels into spans, one per run of a type (token offsets shifted by `offset`).
    package func collect(_ labels: ArraySlice<NERLabel>, offset: Int, into out: inout [Mention]) {
        var start: Int? = nil
        var kind = 0
        var k = 0
        for label in labels {
            if let s = start, label.typeIndex != kind {
                out.append(Mention(tokens: (offset + s)..<(offset + k), kind: Mention.Kind(rawValue: kind)!))
                start = nil
            }
            if start == nil, let t = label.typeIndex {
                start = k
                kind = t
            }
            k += 1
        }
        if let s = start {
            out.append(Mention(tokens: (offset + s)..<(offset + k), kind: Mention.Kind(rawValue: kind)!))
        }
    }
}
