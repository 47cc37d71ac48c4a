import Foundation
import GazetteExtraction
import GazetteTestSupport
import Testing

/// Seeded random documents mixing article lines with page residue: the front never crashes,
/// and its body is clean, NFC, and stable under a second pass.
@Suite("Front invariants")
struct FrontInvariantTests {
    typealias F = FrontFixtures

    static let pieces = [
        F.paragraphOne, F.paragraphTwo, F.paragraphThree, "", "", "-", "•", "Share", "after newsletter promotion",
        "By Jane Doe", "14 hours ago", "3", "Wed 3 Dec 2025 08.00 GMT", "# Heading",
        "**bold** and [a link](http://x.y)",
        "Ünïcödé café\u{301} line", "\t  spaced   out  \t", "Martin Kettle is a Guardian columnist", "> quoted", "```",
    ]

    @Test(arguments: 1...40)
    func randomDocuments(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 1...25, using: &random)
        let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined(
            separator: seed % 2 == 0 ? "\n" : "\r\n")
        let path = seed % 3 == 0 ? "doc.md" : "doc.txt"
        let record: ExtractionRecord
        do {
            record = try F.extract(text, path: path)
        } catch let error as ExtractionError {
            #expect([ExtractionError.noText, .onlyBoilerplate].contains(error))
            return
        }
        #expect(!record.body.isEmpty)
        #expect(!record.body.contains("\n\n\n"))
        #expect(record.body == record.body.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(record.body == record.body.precomposedStringWithCanonicalMapping)
        #expect(!record.body.contains("\r"))
        #expect(record.simhash.count == 16)
        let again = try F.extract(record.body, path: "doc.txt", options: .init(raw: true))
        #expect(again.body == record.body)
    }
}
