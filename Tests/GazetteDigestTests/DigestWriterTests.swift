import Foundation
import Testing
@testable import GazetteDigest

@Suite struct DigestWriterTests {
    func digest(until: String) -> Digest {
        let end = DigestFixtures.date(until)
        return Digest(
            window: DigestWindow(since: end.addingTimeInterval(-86_400), until: end), timeZone: "UTC", generatedAt: end,
            glance: .init(articles: 0, publications: 0, authors: 0), stories: [],
            names: .init(top: [], falling: [], firstSeen: []), quotes: [], numbers: [], datesAhead: [], articles: [])
    }

    @Test func atomicFilesLatestAndRetention() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = DigestConfiguration(directory: folder)
        configuration.keep = 2
        let writer = DigestWriter(configuration: configuration, renderer: DigestRenderer(templates: try DigestTemplates()))

        let written = try writer.write(digest(until: "2026-03-01T07:00:00Z"), stem: "2026-03-01")
        #expect(written.map { ($0 as NSString).lastPathComponent } == ["2026-03-01.md", "2026-03-01.html", "2026-03-01.json"])
        try writer.write(digest(until: "2026-03-02T07:00:00Z"), stem: "2026-03-02")
        try writer.write(digest(until: "2026-03-03T07:00:00Z"), stem: "2026-03-03")
        // Rewriting an older digest does not move `latest` back.
        try writer.write(digest(until: "2026-03-02T07:00:00Z"), stem: "2026-03-02")

        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == [
            "2026-03-02.html", "2026-03-02.json", "2026-03-02.md", "2026-03-03.html", "2026-03-03.json", "2026-03-03.md",
            "digests.atom", "latest.html", "latest.md",
        ])
        let latest = try String(contentsOfFile: folder + "/latest.md", encoding: .utf8)
        #expect(latest == (try String(contentsOfFile: folder + "/2026-03-03.md", encoding: .utf8)))
        let feed = try String(contentsOfFile: folder + "/digests.atom", encoding: .utf8)
        #expect(feed.components(separatedBy: "<entry>").count == 3)
        #expect(feed.range(of: "2026-03-03.html")!.lowerBound < feed.range(of: "2026-03-02.html")!.lowerBound)
    }

    @Test func keepZeroKeepsAll() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = DigestConfiguration(directory: folder)
        configuration.keep = 0
        configuration.formats = [.json]
        let writer = DigestWriter(configuration: configuration, renderer: DigestRenderer(templates: try DigestTemplates()))
        for day in 1...4 {
            try writer.write(digest(until: "2026-03-0\(day)T07:00:00Z"), stem: "2026-03-0\(day)")
        }
        #expect(try writer.stems() == ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"])
    }

    @Test func fileNames() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let morning = DigestWindow(since: DigestFixtures.date("2026-07-01T06:00:00Z"), until: DigestFixtures.date("2026-07-02T06:00:00Z"))
        #expect(DigestFileName.stem(for: morning, calendar: calendar, withTime: false) == "2026-07-02")
        #expect(DigestFileName.stem(for: morning, calendar: calendar, withTime: true) == "2026-07-02-0700")
        let day = DigestWindow.day("2026-07-02", in: calendar.timeZone)!
        #expect(DigestFileName.stem(for: day, calendar: calendar, withTime: false) == "2026-07-02")
        #expect(DigestFileName.isStem("2026-07-02-0700"))
        #expect(!DigestFileName.isStem("latest"))
    }
}

@Suite struct DigestWindowTests {
    @Test func localDays() {
        let london = TimeZone(identifier: "Europe/London")!
        let summer = DigestWindow.day("2026-07-02", in: london)
        #expect(summer?.since == DigestFixtures.date("2026-07-01T23:00:00Z"))
        #expect(summer?.duration == 86_400)
        // The day the clocks go back is 25 hours long.
        #expect(DigestWindow.day("2026-10-25", in: london).map { Int($0.duration.rounded()) } == 25 * 3600)
        #expect(DigestWindow.day("2026-13-01", in: london) == nil)
        #expect(DigestWindow.day("2026-02-30", in: london) == nil)
        #expect(DigestWindow.day("yesterday", in: london) == nil)
    }
}
