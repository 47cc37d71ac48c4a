import Foundation
import GRDB

/// A row of `articles`: the raw bytes, intake facts and every scalar field of the record.
struct ArticleRow: IdentifiedStoreRow {
    static let databaseTableName = "articles"

    var id: Int64?
    /// The article's key: the file's SHA-256, or for a part of a file that holds several
    /// ``ArticleWriter/key(_:)``.
    var sha256: String
    var raw: Data?
    var receivedPath: String
    var receivedAt: String
    var archivePath: String?
    var ingestedAt: String
    var processedAt: String
    var recordSchema: Int
    var sourcePath: String
    var sourceFormat: String
    var sourceEncoding: String
    var sourceBytes: Int
    var title: String?
    var titleSource: String?
    var authorRole: String?
    var publicationId: Int64?
    var publishedAt: String?
    var publishedSource: String?
    var language: String
    var body: String
    var wordCount: Int
    var tone: Double
    /// The SimHash's 64 bits as a signed integer (SQLite has no unsigned type).
    var simhash: Int64
    var simhashHex: String
    var pipelineVersion: String
    /// The summary sentences as a JSON array of strings.
    var summary: String
    /// Where in its file the article is (`item 3`); nil for a file of one article.
    var part: String?
    /// The SHA-256 of the file a part came from; nil for a file of one article.
    var fileSha256: String?
    var authorSource: String?

}
