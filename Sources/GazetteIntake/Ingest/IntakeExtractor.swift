import Foundation
import GazetteExtraction

/// Turns a file's bytes into its records (one, or one per article of a feed, mailbox, JSON
/// array or digest); ``Extractor`` conforms.
public protocol IntakeExtractor: Sendable {
    /// Throws ``IntakeRefusal/extraction(reason:stage:)`` for content that is not an article
    /// (binary, undecodable, only boilerplate, too many articles).
    /// `onStep` is told the name of each pipeline step as it begins.
    func extract(
        _ document: SourceDocument, onStep: @escaping @Sendable (String) -> Void
    ) throws(IntakeRefusal) -> ExtractedFile

    /// Loads what the first extraction would otherwise load (the tagger's model), so that the
    /// first file's attempt covers only its own work.
    func warmUp()
}
