import Foundation
import GazetteExtraction

extension Extractor: IntakeExtractor {
    public func extract(
        _ document: SourceDocument, onStep: @escaping @Sendable (String) -> Void
    ) throws(IntakeRefusal) -> ExtractedFile {
        var timings = StageTimings(onStep: onStep)
        do throws(ExtractionError) {
            return try extractFile(document, options: ExtractionOptions(), timings: &timings)
        } catch {
            throw .extraction(reason: error.description, stage: error.stage)
        }
    }

    public func warmUp() {
        _ = analyze(body: "Gazette started in London on Monday.", publishedAt: nil)
    }
}
