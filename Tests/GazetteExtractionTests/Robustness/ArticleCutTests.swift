import Testing

/// Prefixes and suffixes of each article fixture, cut at every line boundary and at word
/// boundaries spread over the text, through the whole pipeline, cleaned up and raw: a file
/// cut short (a partial download, a truncated scrape) ends anywhere.
@Suite struct ArticleCutTests {
    typealias F = RobustnessFixtures

    /// About this many word cuts per article and direction, besides the line cuts.
    static let wordCuts = 12

    /// Byte offsets where a line (after `\n`) or a word (after white space) begins.
    static func starts(_ bytes: [UInt8], lines: Bool) -> [Int] {
        let isBreak: (UInt8) -> Bool = lines ? { $0 == 0x0A } : { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
        return bytes.indices.dropFirst().filter { isBreak(bytes[$0 - 1]) && !isBreak(bytes[$0]) }
    }

    /// Every line start and an even spread of word starts.
    static func cuts(_ bytes: [UInt8]) -> [Int] {
        let words = starts(bytes, lines: false)
        let stride = max(1, words.count / wordCuts)
        let spread = words.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
        return Set(starts(bytes, lines: true) + spread).sorted()
    }

    static func bytes(_ name: String) -> [UInt8] { F.articles.first { $0.name == name }?.bytes ?? [] }

    @Test func everyFormatHasAFixture() {
        let extensions = Set(F.articles.map { $0.name.split(separator: ".").last.map(String.init) ?? "" })
        #expect(extensions == ["txt", "html", "eml", "md", "json"])
    }

    @Test(arguments: F.articles.map(\.name))
    func prefixes(_ name: String) {
        let bytes = Self.bytes(name)
        for cut in Self.cuts(bytes) { F.check(Array(bytes[..<cut]), path: name, cleanText: true) }
    }

    @Test(arguments: F.articles.map(\.name))
    func suffixes(_ name: String) {
        let bytes = Self.bytes(name)
        for cut in Self.cuts(bytes) { F.check(Array(bytes[cut...]), path: name, cleanText: true) }
    }
}
