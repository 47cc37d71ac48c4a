import Foundation
import Testing

@testable import GazetteExtraction

@Suite("Gazetteer")
struct GazetteerTests {
    /// The lists and the compiled table in the source tree (this file is
    /// Tests/GazetteExtractionTests/Entities/GazetteerTests.swift).
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/GazetteExtraction/Resources/ner")

    static func lists(_ directory: URL) -> [(Gazetteer.List, Data?)] {
        Gazetteer.List.allCases.map { ($0, try? Data(contentsOf: directory.appendingPathComponent($0.fileName))) }
    }

    @Test("the committed compiled table is what the lists and today's tokenizer make (else run compile-gazetteer)")
    func committedTableIsCurrent() throws {
        let committed = try Data(contentsOf: Self.resources.appendingPathComponent(Gazetteer.compiledFileName))
        #expect([UInt8](committed) == Gazetteer.compile(from: Self.resources))
    }

    @Test("a compiled table loads to the same phrases as the lists it was made from")
    func compiledLoadsTheSamePhrases() throws {
        let parsed = Gazetteer.parse(Self.lists(Self.resources))
        let loaded = Gazetteer.load(from: Self.resources)
        #expect(loaded.maxLength == parsed.maxLength)
        #expect(loaded.sortedEntries.elementsEqual(parsed.sortedEntries) { $0 == $1 })
        #expect(parsed.sortedEntries.count > 60_000)
    }

    @Test("a table made from other lists is ignored: the lists are read")
    func staleTableIsIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Vladimir Putin\n".utf8).write(to: folder.appendingPathComponent("people.txt"))
        try Data(Gazetteer.compile(from: folder)).write(to: folder.appendingPathComponent(Gazetteer.compiledFileName))
        try Data("Vladimir Putin\nAngela Merkel\n".utf8).write(to: folder.appendingPathComponent("people.txt"))

        let text = AnalyzedText(body: "Angela Merkel met Vladimir Putin.")
        let gazetteer = Gazetteer.load(from: folder)
        #expect(gazetteer.contains(0..<2, of: text, in: .person))
        #expect(gazetteer.contains(3..<5, of: text, in: .person))
        #expect(Gazetteer(compiled: [1, 2, 3], fingerprint: 0) == nil)
    }
}
