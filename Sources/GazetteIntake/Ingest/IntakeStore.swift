import Foundation
import GazetteStore

/// The store operations the intake needs, each one transaction. ``GazetteDatabase`` conforms;
/// tests substitute a store that fails on purpose to show nothing is lost.
public protocol IntakeStore: Sendable {
    /// Stores a new article, or records a sighting of the article that already has these bytes.
    func ingest(_ article: NewArticle) throws -> IngestOutcome
    /// The article whose raw bytes have this hex SHA-256, if stored.
    func articleID(sha256: String) throws -> Int64?
    /// Notes that the same bytes arrived again under `path`.
    func recordSighting(articleID: Int64, path: String, at date: Date) throws
    /// Where the article's original file now lives, or nil once deleted.
    func setArchivePath(articleID: Int64, path: String?) throws
    func recordFailure(_ failure: IngestFailure) throws
    /// Throws when the store's file was deleted or replaced under the running process, so that
    /// nothing more is written to it: checked before each file and after each commit.
    func checkFileInPlace() throws
}

extension IntakeStore {
    /// A store that cannot lose its file (in memory, or a test's).
    public func checkFileInPlace() throws {}
}

extension GazetteDatabase: IntakeStore {}
