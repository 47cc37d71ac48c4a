import Foundation
import GazetteExtraction
import GazetteFuzzing
import Testing

/// The small article fixtures of `Fixtures/Articles` (one per format) and the checks every
/// robustness test makes on an extraction.
enum RobustnessFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The article fixtures, by file name.
    static let articles: [(name: String, bytes: [UInt8])] = files(in: "Articles")

    /// The files of a folder of `Fixtures`, by name; none when the folder is missing.
    static func files(in subfolder: String) -> [(name: String, bytes: [UInt8])] {
        let url = folder.appendingPathComponent(subfolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            (try? Data(contentsOf: url.appendingPathComponent(name))).map { (name, [UInt8]($0)) }
        }
    }

    /// Extracts `bytes` as the file `path`, cleaned up and raw: each gives a record whose
    /// invariants hold, or refuses with an ``ExtractionError``. For `cleanText` (UTF-8 in NFC with
    /// `\n` line ends, no control characters) more is known: raw mode keeps the trimmed text as
    /// the body or finds no text, and neither mode calls it binary or undecodable.
    static func check(
        _ bytes: [UInt8], path: String, cleanText: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for raw in [false, true] {
            let document = SourceDocument(path: path, bytes: bytes, modified: FrontFixtures.modified)
            do {
                let record = try FrontFixtures.extractor.extract(document, options: .init(raw: raw))
                #expect(Invariants.violations(in: record) == [], "\(path), raw: \(raw)", sourceLocation: sourceLocation)
                if raw, cleanText {
                    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    #expect(record.body == text, "\(path), raw", sourceLocation: sourceLocation)
                }
            } catch {
                guard cleanText else { continue }
                if raw {
                    #expect(
                        error == .noText || error == .emptyFile, "\(path), raw: \(error)",
                        sourceLocation: sourceLocation)
                } else if case .undecodable = error {
                    Issue.record("\(path): \(error)", sourceLocation: sourceLocation)
                } else {
                    #expect(error != .binaryContent, "\(path)", sourceLocation: sourceLocation)
                }
            }
        }
    }
}
