import Foundation
import GazetteExtraction

/// Turns a file's bytes into a record; ``Extractor`` conforms.
public protocol IntakeExtractor: Sendable {
    /// Throws ``IntakeRefusal/extraction(reason:stage:)`` for content that is not an article
    /// (binary, undecodable, only boilerplate).
    func extract(path: String, bytes: [UInt8], modified: Date) throws(IntakeRefusal) -> ExtractionRecord
}
