import Dispatch
import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    /// What each of the concurrent calls returned.
    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var stored = 0
        private(set) var duplicates = 0
        private(set) var failures = 0

        func add(_ body: () throws -> IngestOutcome?) {
            let outcome = Result { try body() }
            lock.lock()
            defer { lock.unlock() }
            switch outcome {
            case .success(.stored?): stored += 1
            case .success(.duplicate?): duplicates += 1
            case .success(nil): break
            case .failure: failures += 1
            }
        }
    }

    @Test(
        "writes from many threads at once are each committed, or fail, on their own; the same bytes twice in one batch make one article",
        .timeLimit(.minutes(1)))
    func concurrentWrites() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let database = try GazetteDatabase(path: path)
        // 30 distinct articles, 10 of them sent twice, and 8 updates of an article that does not exist.
        let articles = (0..<40).map { SampleArticles.article(SampleArticles.record(title: "Article \($0 % 30)")) }
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: articles.count + 8) { index in
            if index < articles.count {
                outcomes.add { try database.ingest(articles[index]) }
            } else {
                outcomes.add {
                    try database.setArchivePath(articleID: 1_000_000 + Int64(index), path: "archive/x.txt")
                    return nil
                }
            }
        }
        #expect(outcomes.stored == 30)
        #expect(outcomes.duplicates == 10)
        #expect(outcomes.failures == 8)
        // Committed, as a second connection sees.
        #expect(try GazetteDatabase.openForReading(path: path).status().articles == 30)
    }
}
