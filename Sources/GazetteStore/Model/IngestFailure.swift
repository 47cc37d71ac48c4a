import Foundation

/// A file the intake refused or could not process, as recorded in `ingest_failures`.
public struct IngestFailure: Sendable, Equatable {
    /// The file's name (not its content).
    public var fileName: String
    /// Why, in words an operator understands, e.g. `the file is empty`.
    public var reason: String
    /// The intake stage that failed, e.g. `claim`, `decode`, `extract`, `store`.
    public var stage: String
    public var size: Int?
    public var sha256: String?
    public var at: Date
    /// Where the file was moved, e.g. `STATE/failed/NAME`, if it was kept.
    public var quarantinePath: String?

    public init(
        fileName: String,
        reason: String,
        stage: String,
        size: Int? = nil,
        sha256: String? = nil,
        at: Date,
        quarantinePath: String? = nil
    ) {
        self.fileName = fileName
        self.reason = reason
        self.stage = stage
        self.size = size
        self.sha256 = sha256
        self.at = at
        self.quarantinePath = quarantinePath
    }
}
