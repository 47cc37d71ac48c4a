import Foundation
import GRDB
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

/// Regression: a database damaged inside (pages overwritten, header intact) opened fine and
/// answered searches as if it were empty.
@Suite struct IntegrityTests {
    @Test func damagedPagesAreFoundAndNamed() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        do {
            let database = try GazetteDatabase(path: path)
            for n in 0..<40 {
                let record = SampleArticles.record(
                    title: "Article \(n)",
                    body: String(repeating: "Council budget talks went on late. ", count: 60) + "\(n)",
                    publication: "Post", entities: [], path: "inbox/a\(n).txt")
                _ = try database.ingest(SampleArticles.article(record))
            }
            #expect(try database.checkIntegrity())
        }
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }

        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        #expect(size > 40_000)
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
        try handle.close()

        let damaged = try GazetteDatabase(path: path)
        #expect {
            _ = try damaged.checkIntegrity()
        } throws: { error in
            "\(error)".contains("is damaged") && "\(error)".contains("archive/")
        }
    }
}
