import Foundation
import GazetteStore
import Logging
import Testing

@testable import GazetteDigest

@Suite struct DigestSchedulerTests {
    func scheduler(folder: String, zone: String, database: GazetteDatabase) -> DigestScheduler {
        var configuration = DigestConfiguration(directory: folder)
        configuration.timeZone = TimeZone(identifier: zone)
        configuration.formats = [.markdown, .json]
        return DigestScheduler(configuration: configuration, database: database, logger: Logger(label: "test"))
    }

    @Test func catchUpOnceAfterDowntime() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try DigestFixtures.store([
            ArticleSpec(title: "While we were down", publication: "P", at: DigestFixtures.date("2026-03-12T10:00:00Z"))
        ])
        let scheduler = scheduler(folder: folder, zone: "UTC", database: database)
        let now = DigestFixtures.date("2026-03-14T09:30:00Z")

        // Never ran before: nothing to catch up.
        #expect(try scheduler.writeDue(at: now, startup: true) == nil)

        // Last digest three days ago: one digest over everything since, ending at the last 07:00.
        try DigestState(lastUntil: DigestFixtures.date("2026-03-11T07:00:00Z")).save(to: folder)
        let window = try scheduler.writeDue(at: now, startup: true)
        #expect(
            window
                == DigestWindow(
                    since: DigestFixtures.date("2026-03-11T07:00:00Z"),
                    until: DigestFixtures.date("2026-03-14T07:00:00Z")))
        let markdown = try String(contentsOfFile: folder + "/2026-03-14.md", encoding: .utf8)
        #expect(markdown.contains("While we were down"))

        // Never twice for one window, however often the daemon restarts.
        #expect(try scheduler.writeDue(at: now, startup: true) == nil)
        #expect(try scheduler.writeDue(at: now.addingTimeInterval(3600), startup: false) == nil)
        // The next slot follows on from the last.
        let next = try scheduler.writeDue(at: DigestFixtures.date("2026-03-15T07:00:00Z"), startup: false)
        #expect(
            next
                == DigestWindow(
                    since: DigestFixtures.date("2026-03-14T07:00:00Z"),
                    until: DigestFixtures.date("2026-03-15T07:00:00Z")))
    }

    @Test func firstScheduledDigestUsesTheWindow() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scheduler = scheduler(folder: folder, zone: "UTC", database: try DigestFixtures.store([]))
        let window = try scheduler.writeDue(at: DigestFixtures.date("2026-03-14T07:00:00Z"), startup: false)
        #expect(window?.duration == 86_400)
        #expect(FileManager.default.fileExists(atPath: folder + "/2026-03-14.md"))
    }

    @Test func springForwardDayIsTwentyThreeHours() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scheduler = scheduler(folder: folder, zone: "America/New_York", database: try DigestFixtures.store([]))
        // 07:00 EST is 12:00Z; clocks go forward on 8 March 2026, so 07:00 EDT is 11:00Z.
        try DigestState(lastUntil: DigestFixtures.date("2026-03-07T12:00:00Z")).save(to: folder)
        let window = try scheduler.writeDue(at: DigestFixtures.date("2026-03-08T11:00:00Z"), startup: false)
        #expect(window?.until == DigestFixtures.date("2026-03-08T11:00:00Z"))
        #expect(window.map { Int($0.duration.rounded()) } == 23 * 3600)
        #expect(FileManager.default.fileExists(atPath: folder + "/2026-03-08.md"))
    }

    @Test func scheduleAcrossDaylightSaving() throws {
        let zone = TimeZone(identifier: "Europe/London")!
        let schedule = DigestSchedule(
            times: [try TimeOfDay(parsing: "01:30"), try TimeOfDay(parsing: "07:00")], timeZone: zone)
        // Spring forward, 29 March 2026: 01:30 does not exist and is due at 02:00 BST (01:00Z).
        #expect(
            schedule.next(after: DigestFixtures.date("2026-03-29T00:00:00Z"))
                == DigestFixtures.date("2026-03-29T01:00:00Z"))
        #expect(
            schedule.next(after: DigestFixtures.date("2026-03-29T01:00:00Z"))
                == DigestFixtures.date("2026-03-29T06:00:00Z"))
        // Fall back, 25 October 2026: 01:30 happens twice; only the first (00:30Z) is due.
        #expect(
            schedule.next(after: DigestFixtures.date("2026-10-25T00:00:00Z"))
                == DigestFixtures.date("2026-10-25T00:30:00Z"))
        #expect(
            schedule.next(after: DigestFixtures.date("2026-10-25T00:30:00Z"))
                == DigestFixtures.date("2026-10-25T07:00:00Z"))
        #expect(
            schedule.previous(atOrBefore: DigestFixtures.date("2026-10-25T07:00:00Z"))
                == DigestFixtures.date("2026-10-25T07:00:00Z"))
    }

    @Test(.timeLimit(.minutes(1))) func runCatchesUpAndStopsWhenCancelled() async throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DigestState(lastUntil: DigestFixtures.date("2026-03-10T07:00:00Z")).save(to: folder)
        var configuration = DigestConfiguration(directory: folder)
        configuration.timeZone = TimeZone(identifier: "UTC")
        configuration.formats = [.json]
        let scheduler = DigestScheduler(
            configuration: configuration, database: try DigestFixtures.store([]), logger: Logger(label: "test"),
            now: { DigestFixtures.date("2026-03-12T08:00:00Z") })
        let task = Task { try await scheduler.run() }
        // Poll without spinning: a busy loop starves the small cooperative pool the scheduler needs.
        while DigestState.load(from: folder)?.lastUntil != DigestFixtures.date("2026-03-12T07:00:00Z") {
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        try await task.value
        #expect(FileManager.default.fileExists(atPath: folder + "/2026-03-12.json"))
    }

    @Test func badTimesAreExplained() throws {
        for text in ["7am", "24:00", "7:5", "007:00", "07:60", ""] {
            #expect(throws: DigestError.badTime(text)) { try TimeOfDay(parsing: text) }
        }
        #expect(try TimeOfDay(parsing: "7:05") == TimeOfDay(hour: 7, minute: 5))
    }
}
