import Foundation
import GazetteIntake
import GazetteStore
import Testing

@Suite struct GracefulShutdownTests {
    /// Shutdown in the middle of a burst: files in progress finish, the rest stay in the inbox,
    /// nothing is left half-done in `work/`, and a restart takes the rest.
    @Test(.timeLimit(.minutes(2))) func shutdownFinishesInFlightFilesAndLeavesTheRest() async throws {
        let fixture = try IntakeFixture { $0.queueCapacity = 8 }
        for n in 0..<120 { try fixture.drop("burst-\(n).txt", articleText(n)) }

        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 60) { service.counters.ingested >= 5 })
        }
        let stored = try fixture.database.status().articles
        #expect(fixture.entries("work").isEmpty)
        #expect(fixture.names("archive").count == stored)
        #expect(fixture.entries("inbox").count == 120 - stored)

        let restarted = fixture.service()
        try await fixture.whileRunning(restarted) {
            #expect(await IntakeFixture.eventually(within: 60) { fixture.entries("inbox").isEmpty })
            #expect(await IntakeFixture.eventually { restarted.counters.ingested == 120 - stored })
        }
        #expect(try fixture.database.status().articles == 120)
        #expect(fixture.names("archive").count == 120)
    }

    /// A queue far smaller than the burst: watcher events that do not fit become a rescan.
    @Test(.timeLimit(.minutes(2))) func burstLargerThanTheQueueIsFullyIngested() async throws {
        let fixture = try IntakeFixture {
            $0.queueCapacity = 1
            $0.concurrency = 1
        }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            for n in 0..<60 { try fixture.drop("burst-\(n).txt", articleText(n)) }
            #expect(await IntakeFixture.eventually(within: 60) { service.counters.ingested == 60 })
        }
        #expect(fixture.entries("inbox").isEmpty)
        #expect(try fixture.database.status().articles == 60)
    }
}
