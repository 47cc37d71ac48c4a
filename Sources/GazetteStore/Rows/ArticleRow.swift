import Foundation
import GRDB

/// A row of `articles`: the raw bytes, intake facts and every scalar field of the record.
package struct ArticleRow: IdentifiedStoreRow {
    package static let databaseTableName = "articles"

    package var id: Int64?
    /// The article's key: the file's SHA-256, or for a part of a file that holds several
    /// ``ArticleWriter/key(_:)``.
    package var sha256: String
    package var raw: Data?
    package var receivedPath: String
    package var receivedAt: String
    package var archivePath: String?
    package var ingestedAt: String
    package var processedAt: String
    package var recordSchema: Int
    package var sourcePath: String
    package var sourceFormat: String
    package var sourceEncoding: String
    package var sourceBytes: Int
    package var title: String?
    package var titleSource: String?
    package var authorRole: String?
    package var publicationId: Int64?
    package var publishedAt: String?
    package var publishedSource: String?
    package var language: String
    package var body: String
    package var wordCount: Int
    package var tone: Double
    /// The SimHash's 64 bits as a signed integer (SQLite has no unsigned type).
    package var simhash: Int64
    package var simhashHex: String
    package var pipelineVersion: String
    /// The summary sentences as a JSON array of strings.
    package var summary: String
    /// Where in its file the article is (`item 3`); nil for a file of one article.
    package var part: String?
    /// The SHA-256 of the file a part came from; nil for a file of one article.
    package var fileSha256: String?
    package var authorSource: String?

}
