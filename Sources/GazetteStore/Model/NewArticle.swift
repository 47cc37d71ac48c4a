import Foundation
import GazetteExtraction

/// One article the intake has extracted and wants stored: the record plus what only the intake
/// knows (the raw bytes, where and when the file arrived).
public struct NewArticle: Sendable {
    public var record: ExtractionRecord
    /// The file's bytes exactly as received; kept so `gazette reprocess` can re-run the pipeline.
    public var raw: [UInt8]
    /// Where the file was found (inbox or work folder), for the operator's benefit.
    public var receivedPath: String
    public var receivedAt: Date
    /// When it counts as ingested (digest windows go by it): nil for now, the store's clock. An
    /// article restored from `archive/` by `gazette rebuild` keeps the time it was first archived,
    /// so that it does not fall into the next digest.
    public var ingestedAt: Date?
    /// Where the intake will archive the file once this commits (`articles.archive_path`),
    /// written in the same transaction so that storing an article costs one commit; nil when it
    /// is not archived or the path is not known yet.
    public var archivePath: String?

    public init(record: ExtractionRecord, raw: [UInt8], receivedPath: String, receivedAt: Date) {
        self.record = record
        self.raw = raw
        self.receivedPath = receivedPath
        self.receivedAt = receivedAt
    }
}
