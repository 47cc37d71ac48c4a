import Foundation
import GRDB
import GazetteStore
import GazetteTestSupport
import Testing

/// `gazette backup`: a consistent copy through SQLite's backup API, checked, never overwriting
/// by accident.
@Suite struct BackupTests {
    static func ingest(_ database: GazetteDatabase, _ range: Range<Int>) throws {
        for n in range {
            let record = SampleArticles.record(
                title: "Bridge repairs begin \(n)",
                body: "Repairs to the old bridge began on Monday, the council said, and will last a month. \(n)",
                publication: "Post", entities: [], path: "inbox/b\(n).txt")
            _ = try database.ingest(SampleArticles.article(record))
        }
    }

    @Test func theCopyIsOneCheckedFileWithEveryArticle() throws {
        let folder = try TemporaryDirectory()
        let database = try GazetteDatabase(path: folder.path("gazette.sqlite"))
        try Self.ingest(database, 0..<12)
        let destination = folder.path("copy.sqlite")
        let result = try database.backup(to: destination, replacing: false)
        #expect(result.articles == 12)
        #expect(result.bytes > 0)
        #expect(!FileManager.default.fileExists(atPath: destination + "-wal"))
        let copy = try DatabaseQueue(path: destination)
        #expect(try copy.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        #expect(try copy.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") } == 12)
        #expect(try GazetteDatabase.openForReading(path: destination).status().articles == 12)
    }

    @Test func anExistingFileIsReplacedOnlyWhenAsked() throws {
        let folder = try TemporaryDirectory()
        let database = try GazetteDatabase(path: folder.path("gazette.sqlite"))
        try Self.ingest(database, 0..<2)
        let destination = folder.path("copy.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: destination))
        #expect {
            _ = try database.backup(to: destination, replacing: false)
        } throws: { error in
            "\(error)".contains("exists")
        }
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "keep me")
        #expect(try database.backup(to: destination, replacing: true).articles == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter {
            $0.contains("partial")
        }
        #expect(leftovers.isEmpty)
    }

    /// The copy is one moment of the database, taken while another connection keeps writing.
    @Test func aBackupDuringWritesIsConsistent() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        try Self.ingest(database, 0..<5)
        let writer = Task.detached { try Self.ingest(database, 5..<60) }
        let reader = try GazetteDatabase.openForReading(path: path)
        let result = try reader.backup(to: folder.path("copy.sqlite"), replacing: false)
        try await writer.value
        #expect((5...60).contains(result.articles))
        let copy = try GazetteDatabase.openForReading(path: folder.path("copy.sqlite"))
        #expect(try copy.checkIntegrity())
        #expect(try copy.status().articles == result.articles)
    }
}
