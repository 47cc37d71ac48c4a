import Foundation
import GazetteExtraction

/// Everything the rest of Gazette asks of its store — the intake's writes, the browsing
/// commands, `gazette reprocess` and the digest — whichever database holds it. The commands,
/// the daemon and the digest hold an `any ArticleStore`; ``GazetteDatabase`` (SQLite) is one.
///
/// Blocking: every method runs one transaction (or one read) and returns when it is done. Call
/// it from a Dispatch thread (``BlockingWork``), never from Swift's cooperative pool, whose few
/// threads must stay free for the watcher, the heartbeat and signals — and, for a store over an
/// asynchronous client, for the client itself, whose answer the calling thread waits for.
public protocol ArticleStore: IntakeStore {
    /// Counters for `gazette status`.
    func status() throws -> StoreStatus

    /// Everything `gazette show` prints about one article, or nil when there is no such article.
    func articleDetails(id: Int64) throws -> ArticleDetails?
    /// Full-text search (``SearchPattern``'s syntax, with filters), best matches first. Throws
    /// ``SearchSyntaxError`` for a query it cannot understand, before touching the database.
    func search(_ query: SearchQuery) throws -> [SearchHit]
    /// Stored quotes, most recently ingested articles first, in text order within one.
    func quotes(speaker: String?, kinds: Set<Quote.Kind>, window: TimeWindow, limit: Int) throws -> [StoredQuote]
    /// The most mentioned entities in the articles of `window`, of one type or all.
    func entityTallies(type: EntityType?, window: TimeWindow, top: Int) throws -> [EntityTally]
    /// The ids of the articles in `window`, oldest first.
    func articleIDs(in window: TimeWindow) throws -> [Int64]
    /// The articles with these ids, in the same order, skipping ids with no article.
    func exportedArticles(ids: [Int64]) throws -> [ExportedArticle]

    /// The ids of the articles another pipeline version made, oldest first (`gazette reprocess`).
    func articleIDs(notMadeByPipeline version: String) throws -> [Int64]
    /// The stored raw bytes of these articles, for reprocessing.
    func storedSources(ids: [Int64]) throws -> [StoredSource]
    /// Replaces an article's extraction with `record`, in one transaction.
    func replaceExtraction(articleID: Int64, record: ExtractionRecord) throws
    /// Replaces an article stored whole with the first of `records` and adds the others as the
    /// parts of its file; returns the ids of the articles added.
    func splitExtraction(articleID: Int64, records: [ExtractionRecord]) throws -> [Int64]

    /// The articles ingested in `[start, end)` and their facts, for a digest.
    func digestSlice(from start: Date, to end: Date) throws -> DigestSlice
    /// For each entity, the ingest times of the articles in `[start, end)` that name it.
    func entityArticleTimes(entityIDs: [Int64], from start: Date, to end: Date) throws -> [Int64: [Date]]
    /// The entities of these types named in the most articles of `[start, end)`.
    func topEntities(from start: Date, to end: Date, types: [EntityType], limit: Int) throws -> [DigestEntity]
}

extension GazetteDatabase: ArticleStore {}
