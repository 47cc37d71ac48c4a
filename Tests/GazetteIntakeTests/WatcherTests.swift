import Foundation
import GazetteIntake
import GazetteStore
import Testing

/// The running service notices files as they arrive, with inotify or by polling.
@Suite struct WatcherTests {
    @Test(.timeLimit(.minutes(1))) func inotifyPicksUpAFileWrittenAfterStart() async throws {
        let fixture = try IntakeFixture()
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            try fixture.drop("late.txt", articleText(30))
            #expect(await IntakeFixture.eventually { service.counters.ingested == 1 })
        }
        #expect(fixture.names("archive") == ["late.txt"])
        #expect(fixture.entries("inbox").isEmpty)
    }

    /// Regression: after the inbox was deleted and made again, its inotify watch was never
    /// re-added, so every file waited for the five-minute rescan.
    @Test(.timeLimit(.minutes(1))) func anInboxDeletedAndMadeAgainIsWatchedAgain() async throws {
        let fixture = try IntakeFixture { $0.rescanInterval = .seconds(3600) }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            try FileManager.default.removeItem(atPath: fixture.configuration.inbox)
            try await Task.sleep(for: .milliseconds(200))
            try FileManager.default.createDirectory(
                atPath: fixture.configuration.inbox, withIntermediateDirectories: true)
            try await Task.sleep(for: .milliseconds(1500))
            try fixture.drop("after.txt", articleText(31))
            #expect(await IntakeFixture.eventually(within: 20) { service.counters.ingested == 1 })
        }
        #expect(fixture.names("archive") == ["after.txt"])
    }

    @Test(.timeLimit(.minutes(1))) func partialFileIsIgnoredUntilRenamed() async throws {
        let fixture = try IntakeFixture()
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            let partial = try fixture.drop("download.txt.part", articleText(31))
            // A file written after the partial one is done, so the partial one was seen and skipped.
            try fixture.drop("marker.txt", articleText(32))
            #expect(await IntakeFixture.eventually { service.counters.ingested == 1 })
            #expect(fixture.entries("inbox") == ["download.txt.part"])
            try FileManager.default.moveItem(atPath: partial, toPath: fixture.configuration.inbox + "/download.txt")
            #expect(await IntakeFixture.eventually { service.counters.ingested == 2 })
        }
        #expect(fixture.names("archive") == ["download.txt", "marker.txt"])
    }

    @Test(.timeLimit(.minutes(1))) func subfoldersAreWatchedWhenRecursive() async throws {
        let fixture = try IntakeFixture { $0.recursive = true }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            try fixture.drop("nested.txt", articleText(33), in: "inbox/world/europe")
            #expect(await IntakeFixture.eventually { service.counters.ingested == 1 })
        }
        #expect(fixture.names("archive") == ["nested.txt"])
        #expect(fixture.names("failed").isEmpty)
    }

    @Test(.timeLimit(.minutes(1))) func pollingPicksUpASettledFile() async throws {
        let fixture = try IntakeFixture {
            $0.watchMode = .poll
            $0.pollInterval = .milliseconds(20)
        }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            try fixture.drop("polled.txt", articleText(34))
            #expect(await IntakeFixture.eventually { service.counters.ingested == 1 })
        }
        #expect(fixture.names("archive") == ["polled.txt"])
    }
}

extension WatcherTests {
    /// A scraper that always writes the same name: each new file is a new article.
    @Test(.timeLimit(.minutes(1))) func sameNameArrivingAgainIsIngestedAgain() async throws {
        let fixture = try IntakeFixture()
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            for n in 0..<3 {
                try fixture.drop("latest.txt", articleText(50 + n))
                #expect(await IntakeFixture.eventually { service.counters.ingested == n + 1 })
            }
        }
        #expect(fixture.names("archive") == ["latest (1).txt", "latest (2).txt", "latest.txt"])
    }
}
