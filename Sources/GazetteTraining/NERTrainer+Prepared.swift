import GazetteExtraction

extension NERTrainer {
    /// A gold sentence as the pipeline sees it: the tokens written out as natural text (no
    /// space before `,` or `'s`, none after `(`), split again by ``Tokenizer``, and the gold
    /// tags carried over to those tokens. Training on the pipeline's own tokens (`Mr` `.` for
    /// the gold `Mr.`) keeps the features the same at training and tagging time.
    struct Prepared {
        var words: [TokenFeatures]
        var labels: [NERLabel]

        init(_ s: Sentence) {
            var scalars: [Unicode.Scalar] = []
            var owner: [Int] = []
            var glue = true
            for (k, t) in s.tokens.enumerated() {
                let (before, after) = Self.spacing(t, at: k, of: s.tokens.count)
                if !glue && before {
                    scalars.append(" ")
                    owner.append(k)
                }
                scalars.append(contentsOf: t.unicodeScalars)
                owner.append(contentsOf: repeatElement(k, count: t.unicodeScalars.count))
                glue = !after
            }
            let gold = s.tags.map { NERLabel(bio: Substring($0)) ?? .outside }
            let tokens = Tokenizer.tokenize(scalars)
            words = tokens.map { TokenFeatures(scalars, $0.range) }
            // Every piece of a gold token (`Mr` `.`) takes its label.
            labels = tokens.map { gold[owner[$0.start]] }
        }

        /// Whether a space goes before `token` and after it, as news text is written.
        static func spacing(_ token: String, at k: Int, of n: Int) -> (before: Bool, after: Bool) {
            switch token {
            case "\"": return k == 0 ? (true, false) : (k == n - 1 ? (false, true) : (true, true))
            case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d",
                "'m", "''":
                return (false, true)
            case "(", "[", "{", "$", "``", "#":
                return (true, false)
            default:
                return (true, !(token.hasSuffix("$") && token.count <= 3))
            }
        }
    }
}
