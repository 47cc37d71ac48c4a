import Foundation

/// Distinct article files made from a folder of real ones: file `n` is article `n % count` with
/// `n / count` extra newlines at its end, so every file has its own SHA-256 (and is stored as its
/// own article) while its text — and so the work of extracting it — is the real article's.
struct ArticleVariants {
    private let articles: [(name: String, bytes: [UInt8])]

    init(corpus: String) throws {
        let root = URL(fileURLWithPath: corpus)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw BenchError("cannot read \(corpus)")
        }
        var found: [(String, [UInt8])] = []
        for case let url as URL in walker where Bench.articleExtensions.contains(url.pathExtension.lowercased()) {
            found.append(
                (
                    url.deletingPathExtension().lastPathComponent + "." + url.pathExtension,
                    Array(try Data(contentsOf: url))
                ))
        }
        guard !found.isEmpty else { throw BenchError("no article files in \(corpus) (pass --corpus DIR)") }
        articles = found.sorted { $0.0 < $1.0 }
    }

    var count: Int { articles.count }

    /// The name and bytes of file `index`.
    func file(_ index: Int) -> (name: String, bytes: [UInt8]) {
        let article = articles[index % articles.count]
        let copy = index / articles.count
        let name = String(format: "%06d-", index) + article.name
        return (name, article.bytes + [UInt8](repeating: 0x0A, count: copy))
    }

    /// Writes files `range` into `folder`.
    func write(_ range: Range<Int>, into folder: String) throws {
        for index in range {
            let (name, bytes) = file(index)
            guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)) else {
                throw BenchError("cannot write \(folder)/\(name)")
            }
        }
    }
}
