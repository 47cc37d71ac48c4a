import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Sharing one file")
struct ConcurrencyTests {
    @Test("a second instance reads while the first writes (WAL)", .timeLimit(.minutes(1)))
    func readerDuringWrites() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("gazette.sqlite")
        let writer = try GazetteDatabase(path: path)
        let reader = try GazetteDatabase(path: path)
        let total = 60

        async let written: Int = Task.detached {
            var stored = 0
            for index in 0..<total {
                let record = SampleArticles.record(title: "Article \(index)")
                if case .stored = try writer.ingest(SampleArticles.article(record)) { stored += 1 }
            }
            return stored
        }.value
        async let observed: (counts: [Int], incomplete: Int) = Task.detached {
            var counts: [Int] = []
            var incomplete = 0
            while counts.last != total {
                counts.append(try reader.status().articles)
                // An article is visible whole or not at all.
                if let newest = try reader.articleSummaries(limit: 1).first {
                    incomplete +=
                        try reader.record(id: newest.id)?.entities.count == SampleArticles.entities.count ? 0 : 1
                }
                await Task.yield()
            }
            return (counts, incomplete)
        }.value

        #expect(try await written == total)
        let (counts, incomplete) = try await observed
        #expect(incomplete == 0)
        #expect(counts == counts.sorted(), "a reader never sees the count go back")
        #expect(counts.last == total)
    }
}
