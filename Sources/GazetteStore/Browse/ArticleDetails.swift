import Foundation
import GazetteExtraction

/// A stored article: its extraction record and what only the store knows, for `gazette show`.
public struct ArticleDetails: Sendable, Equatable {
    public var id: Int64
    public var record: ExtractionRecord
    public var ingestedAt: Date
    /// When the current record was made: the ingest, or the last `gazette reprocess`.
    public var processedAt: Date
    /// Where the file was found when it arrived.
    public var receivedPath: String
    public var receivedAt: Date
    /// Where the original file lives now, or nil if it was deleted after ingest.
    public var archivePath: String?
    /// Whether the raw bytes are kept, so `gazette reprocess` can re-run the pipeline.
    public var hasRawBytes: Bool
    /// Later arrivals of the same bytes, oldest first.
    public var sightings: [Sighting]

    public init(
        id: Int64, record: ExtractionRecord, ingestedAt: Date, processedAt: Date, receivedPath: String,
        receivedAt: Date,
        archivePath: String?, hasRawBytes: Bool, sightings: [Sighting]
    ) {
        self.id = id
        self.record = record
        self.ingestedAt = ingestedAt
        self.processedAt = processedAt
        self.receivedPath = receivedPath
        self.receivedAt = receivedAt
        self.archivePath = archivePath
        self.hasRawBytes = hasRawBytes
        self.sightings = sightings
    }

    /// The same bytes dropped again at `path`.
    public struct Sighting: Sendable, Equatable {
        public var path: String
        public var seenAt: Date

        public init(path: String, seenAt: Date) {
            self.path = path
            self.seenAt = seenAt
        }
    }
}
