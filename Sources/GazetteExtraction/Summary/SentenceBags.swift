import Foundation

/// Each sentence as a sorted set of content-word ids (stop words, numbers and punctuation
/// left out), for TextRank's similarity and the summary's redundancy check.
struct SentenceBags {
    /// Content-word ids of sentence `i`: `words[bounds[i]..<bounds[i + 1]]`, sorted, unique.
    var words: [Int32] = []
    var bounds: [Int] = [0]
    /// Word tokens per sentence (content or not).
    var lengths: [Int] = []
    /// Whether the sentence's quotation marks pair up (a sentence cut inside a quote does not).
    var balanced: [Bool] = []

    var count: Int { lengths.count }

    init(_ text: AnalyzedText, count: Int) {
        var ids = KeyTable(minimumCapacity: count * 8)
        let s = text.scalars
        for sentence in text.sentences.prefix(count) {
            let start = words.count
            var length = 0
            var quotes = 0
            var opening = 0
            var closing = 0
            for t in sentence.tokens {
                let token = text.tokens[t]
                if token.kind == .punctuation {
                    switch s[token.start] {
                    case "\"": quotes += 1
                    case "\u{201C}": opening += 1
                    case "\u{201D}": closing += 1
                    default: break
                    }
                }
                guard token.kind == .word, Tokenizer.isLetter(s[token.start]) else { continue }
                length += 1
                let key = WordKey.of(s, token.range)
                guard token.end - token.start > 1, !StopWords.contains(key) else { continue }
                words.append(ids.value(for: key, inserting: Int32(ids.count)).value)
            }
            words[start...].sort()
            var unique = start
            for k in start..<words.count where k == start || words[k] != words[k - 1] {
                words[unique] = words[k]
                unique += 1
            }
            words.removeLast(words.count - unique)
            bounds.append(words.count)
            lengths.append(length)
            balanced.append(quotes % 2 == 0 && opening == closing)
        }
    }

    func size(_ i: Int) -> Int { bounds[i + 1] - bounds[i] }

    /// Content words two sentences share.
    func shared(_ i: Int, _ j: Int) -> Int {
        var a = bounds[i]
        var b = bounds[j]
        let endA = bounds[i + 1]
        let endB = bounds[j + 1]
        var common = 0
        while a < endA, b < endB {
            if words[a] == words[b] {
                common += 1
                a += 1
                b += 1
            } else if words[a] < words[b] {
                a += 1
            } else {
                b += 1
            }
        }
        return common
    }

    /// TextRank's similarity: shared words over the sum of the log sizes.
    func similarity(_ i: Int, _ j: Int) -> Double {
        let common = shared(i, j)
        guard common > 0 else { return 0 }
        return Double(common) / (log(1 + Double(size(i))) + log(1 + Double(size(j))))
    }

    /// The share of the smaller sentence's content words that the other one also has.
    func overlap(_ i: Int, _ j: Int) -> Double {
        let smaller = min(size(i), size(j))
        return smaller == 0 ? 1 : Double(shared(i, j)) / Double(smaller)
    }

    /// Down-weights sentences too short or too long to stand alone in a summary, and sentences
    /// cut inside a quotation.
    func fitness(_ i: Int) -> Double {
        guard balanced[i] else { return 0.3 }
        return switch lengths[i] {
        case ..<4: 0.1
        case ..<8: 0.6
        case ...60: 1
        default: 0.5
        }
    }
}
