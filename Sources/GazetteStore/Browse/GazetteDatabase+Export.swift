import Foundation
import GRDB

extension GazetteDatabase {
    /// The ids of the articles in `window`, oldest first.
    public func articleIDs(in window: TimeWindow = .always) throws -> [Int64] {
        try read("article id listing") { db in
            let filter: SQL = window.condition(on: "a").map { "WHERE \($0)" } ?? ""
            return try Int64.fetchAll(db, SQLRequest(literal: "SELECT a.id FROM articles a \(filter) ORDER BY a.id"))
        }
    }

    /// The articles with these ids, in the same order, skipping ids with no article; read in
    /// one transaction, so fetch a large export in batches.
    public func exportedArticles(ids: [Int64]) throws -> [ExportedArticle] {
        try read("export read") { db in
            let reader = RecordReader(db: db)
            return try ids.compactMap { id in
                guard let record = try reader.record(id: id),
                    let row = try Row.fetchOne(
                        db, sql: "SELECT ingested_at, archive_path FROM articles WHERE id = ?", arguments: [id])
                else { return nil }
                return ExportedArticle(
                    id: id, ingestedAt: Timestamp.date(row["ingested_at"]) ?? .distantPast,
                    archivePath: row["archive_path"], record: record)
            }
        }
    }
}
