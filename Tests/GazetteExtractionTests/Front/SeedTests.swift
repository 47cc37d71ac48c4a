import Foundation
import GazetteExtraction
import Testing

/// The seed article (a Guardian column saved as text from a web page) against the metadata and
/// body expectations of `expected/000_183964ca962e890a.json`.
@Suite("Seed article")
struct SeedTests {
    static let seedURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/000_183964ca962e890a.txt")

    let record: ExtractionRecord

    init() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.seedURL))
        let document = SourceDocument(
            path: "seeds/000_183964ca962e890a.txt", bytes: bytes, modified: FrontFixtures.modified)
        record = try FrontFixtures.extractor.extract(document)
    }

    @Test func metadata() {
        #expect(record.authors == ["Martin Kettle"])
        #expect(record.authorRole?.contains("columnist") == true)
        #expect(record.publication?.contains("Guardian") == true)
        // File time 2025-12-04T10:00:00Z minus "14 hours ago".
        #expect(record.publishedAt == "2025-12-03T20:00:00Z")
        #expect(record.publishedSource == .relative)
        #expect(record.language == "en")
        #expect(record.titleSource == .lede)
        #expect(record.source.encoding == "utf-8")
        #expect(record.source.format == .text)
    }

    @Test func body() {
        let paragraphs = record.body.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 12)
        #expect(paragraphs.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
        #expect((1100...1200).contains(record.wordCount))
        #expect(record.body.hasPrefix("The failure of this week"))
        #expect(record.body.hasSuffix("anything like the degree required."))
        for junk in ["after newsletter promotion", "14 hours ago", "Martin Kettle is a Guardian columnist"] {
            #expect(!record.body.contains(junk))
        }
    }
}
