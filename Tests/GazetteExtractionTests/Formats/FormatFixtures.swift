import Foundation
import GazetteExtraction

/// The fixtures of `Fixtures/Formats`: one small file per format and encoding, written for these
/// tests (legacy-encoded files were made from UTF-8 text with Python's codecs).
enum FormatFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Formats")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func extract(_ name: String) throws -> ExtractionRecord {
        try FrontFixtures.extractor.extract(
            SourceDocument(path: name, bytes: bytes(name), modified: FrontFixtures.modified))
    }

    static func extract(bytes: [UInt8], path: String) throws -> ExtractionRecord {
        try FrontFixtures.extractor.extract(SourceDocument(path: path, bytes: bytes, modified: FrontFixtures.modified))
    }
}
