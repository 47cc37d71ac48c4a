import Foundation
import GazetteExtraction

extension Extractor: IntakeExtractor {
    public func extract(path: String, bytes: [UInt8], modified: Date) throws(IntakeRefusal) -> ExtractionRecord {
        do throws(ExtractionError) {
            return try extract(SourceDocument(path: path, bytes: bytes, modified: modified), options: ExtractionOptions())
        } catch {
            throw .extraction(reason: error.description, stage: error.stage)
        }
    }
}
