import Foundation
import GazetteExtraction

/// Builds documents for the front-of-pipeline tests and runs them through the public API.
enum FrontFixtures {
    /// One extractor for all tests: building one loads the analysis resources.
    static let extractor = Extractor()

    /// 2025-12-04T10:00:00Z.
    static let modified = Date(timeIntervalSince1970: 1_764_842_400)

    static func document(_ text: String, path: String = "article.txt") -> SourceDocument {
        SourceDocument(path: path, bytes: Array(text.utf8), modified: modified)
    }

    static func extract(
        _ text: String, path: String = "article.txt", options: ExtractionOptions = .init()
    ) throws -> ExtractionRecord {
        try extractor.extract(document(text, path: path), options: options)
    }

    static let paragraphOne =
        "The government announced on Monday that it would raise spending on schools and hospitals by a record amount over the next five years."
    static let paragraphTwo =
        "Opposition leaders said the plan was not enough and accused ministers of ignoring the needs of rural areas, where many clinics have closed."
    static let paragraphThree =
        "Economists warned that the extra borrowing could push up interest rates, although most agreed that the public services needed the money."
}
