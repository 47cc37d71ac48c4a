import Foundation
import GazetteExtraction
import GazetteTraining

/// Reads token-per-line BIO files into documents of sentences. A file without `-DOCSTART-`
/// lines (GMB) is cut into documents of 20 sentences, as the NER scorer does.
enum BIOFile {
    struct ReadError: Error, CustomStringConvertible {
        var path: String
        var description: String { "cannot read BIO file \(path)" }
    }

    static func read(_ path: String) throws -> [NERTrainer.Document] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ReadError(path: path) }
        var docs: [NERTrainer.Document] = [[]]
        var tokens: [String] = []
        var tags: [String] = []
        func flush() {
            if !tokens.isEmpty { docs[docs.count - 1].append(.init(tokens: tokens, tags: tags)) }
            tokens = []
            tags = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = line.split(separator: "\t")
            if parts.isEmpty || line.allSatisfy(\.isWhitespace) {
                flush()
                continue
            }
            if parts[0] == "-DOCSTART-" {
                flush()
                if !docs[docs.count - 1].isEmpty { docs.append([]) }
                continue
            }
            tokens.append(String(parts[0]))
            tags.append(parts.count > 1 ? String(parts[1]) : "O")
        }
        flush()
        if docs.count == 1, let only = docs.first {
            return stride(from: 0, to: only.count, by: 20).map { Array(only[$0..<min($0 + 20, only.count)]) }
        }
        return docs.filter { !$0.isEmpty }
    }
}
