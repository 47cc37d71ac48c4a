/// A table of per-label weights indexed by feature bucket: the shipped quantised model, or
/// the float weights being trained.
package protocol NERWeightTable {
    var mask: UInt32 { get }
    /// Writes the summed weights of feature buckets `rows` to `scores[0..<NERLabel.count]`.
    func score(_ rows: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutablePointer<Float>)
}

/// Greedy left-to-right decoding with previous-tag and document-history features.
enum NERDecoder {
    /// Tags the sentence whose static features are in `features`. `learn`, when given, sees
    /// each token's index, predicted label and all of its feature buckets before the next
    /// token is decoded (the trainer updates the weights there).
    static func decode(
        _ weights: some NERWeightTable,
        words: UnsafeBufferPointer<TokenFeatures>,
        features: UnsafeBufferPointer<UInt32>,
        history: inout DocumentHistory,
        labels: UnsafeMutableBufferPointer<NERLabel>,
        learn: ((Int, NERLabel, UnsafeBufferPointer<UInt32>) -> Void)? = nil
    ) {
        let total = NERFeatures.staticCount + NERFeatures.dynamicCount
        let labelCount = NERLabel.count
        // When tagging, the static features' scores of every token are summed first: those
        // table reads do not wait on the previous decision, so they overlap across tokens.
        // Training keeps one sum per token so that its arithmetic stays as it was.
        // A word all in lower case right after `O` is `O` when tagging (a name never starts so in
        // the training data but for a handful of `de` and `van`), so most words need no scores at
        // all; theirs are summed only when the word follows a name. `al-Qaida` and `iPhone`,
        // with a capital inside, are scored.
        let staticScores = learn == nil ? words.count * labelCount : 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: max(1, staticScores)) { sums in
            func sumStatic(_ i: Int) {
                let rows = UnsafeBufferPointer(
                    rebasing: features[(i * NERFeatures.staticCount)..<((i + 1) * NERFeatures.staticCount)])
                weights.score(rows, into: sums.baseAddress! + i * labelCount)
            }
            if learn == nil {
                for i in 0..<words.count where !words[i].isLowercase { sumStatic(i) }
            }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: total) { all in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: labelCount) { scores in
                    var previous = NERLabel.outside
                    var beforePrevious = NERLabel.outside
                    let base = all.baseAddress!
                    let s = scores.baseAddress!
                    for i in 0..<words.count {
                        if learn == nil, words[i].isLowercase {
                            if previous == .outside {
                                labels[i] = .outside
                                beforePrevious = previous
                                continue
                            }
                            sumStatic(i)
                        }
                        NERFeatures.dynamic(
                            words[i], previous: previous, beforePrevious: beforePrevious,
                            history: history.feature(for: words[i]), mask: weights.mask,
                            into: base + NERFeatures.staticCount)
                        if learn == nil {
                            weights.score(UnsafeBufferPointer(rebasing: all[NERFeatures.staticCount..<total]), into: s)
                            let sum = sums.baseAddress! + i * labelCount
                            for k in 0..<labelCount { s[k] += sum[k] }
                        } else {
                            let f = i * NERFeatures.staticCount
                            for k in 0..<NERFeatures.staticCount { base[k] = features[f + k] }
                            weights.score(UnsafeBufferPointer(all), into: s)
                        }
                        var best = NERLabel.outside
                        var bestScore = -Float.infinity
                        for raw in 0..<UInt8(labelCount) where s[Int(raw)] > bestScore {
                            bestScore = s[Int(raw)]
                            best = NERLabel(rawValue: raw)!
                        }
                        labels[i] = best
                        learn?(i, best, UnsafeBufferPointer(all))
                        history.record(words[i], best)
                        beforePrevious = previous
                        previous = best
                    }
                }
            }
        }
    }
}
