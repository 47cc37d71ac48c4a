import Foundation

/// The store operations the intake needs, each one transaction. Every ``ArticleStore`` is one;
/// tests substitute a store that fails on purpose to show nothing is lost.
///
/// Blocking, like all of the store's interface: the intake calls it from Dispatch threads
/// (``BlockingWork``), never from Swift's cooperative pool.
public protocol IntakeStore: Sendable {
    /// Stores a file's articles (all with its SHA-256) in one transaction, or records a sighting
    /// of the file's first article when its bytes are already stored.
    func ingest(file articles: [NewArticle]) throws -> IngestOutcome
    /// The (first) article of the file whose raw bytes have this hex SHA-256, if stored.
    func articleID(sha256: String) throws -> Int64?
    /// Notes that the same bytes arrived again under `path`.
    func recordSighting(articleID: Int64, path: String, at date: Date) throws
    /// The same for a file taken up again from `work/` (after a crash or a transient failure):
    /// nothing when the article was stored from `path` or its sighting was recorded before.
    func recordSightingIfNew(articleID: Int64, path: String, at date: Date) throws
    /// Where the article's original file now lives, or nil once deleted (for all the file's articles).
    func setArchivePath(articleID: Int64, path: String?) throws
    func recordFailure(_ failure: IngestFailure) throws
    /// Throws when the store's file was deleted or replaced under the running process, so that
    /// nothing more is written to it: checked before each file and after each commit.
    func checkFileInPlace() throws
}

extension IntakeStore {
    /// A store that cannot lose its file (in memory, a server's, or a test's).
    public func checkFileInPlace() throws {}
}
