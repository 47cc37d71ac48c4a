import Foundation

/// What `gazette reprocess` feeds the pipeline again for one stored article.
public struct StoredSource: Sendable, Equatable {
    public var id: Int64
    /// The path the record names; its extension decides the format again.
    public var path: String
    /// The bytes of the file as received (kept in the first article of a file of several), or
    /// nil when they were not kept.
    public var bytes: [UInt8]?
    /// Where in the file the article is (`item 3`); nil for a file of one article.
    public var part: String?
    /// The time to give the pipeline as the file's modification time: the publication time when
    /// it was taken from the file, else when the file arrived.
    public var modified: Date
    /// The version of the pipeline that made the stored record.
    public var pipeline: String

    public init(id: Int64, path: String, bytes: [UInt8]?, part: String? = nil, modified: Date, pipeline: String) {
        self.id = id
        self.path = path
        self.bytes = bytes
        self.part = part
        self.modified = modified
        self.pipeline = pipeline
    }
}
