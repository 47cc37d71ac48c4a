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
        let writer = DigestWriter(
            configuration: configuration, renderer: DigestRenderer(templates: try DigestTemplates()))

        let written = try writer.write(digest(until: "2026-03-01T07:00:00Z"), stem: "2026-03-01")
        #expect(
            written.map { ($0 as NSString).lastPathComponent } == [
                "2026-03-01.md", "2026-03-01.html", "2026-03-01.json",
            ])
        try writer.write(digest(until: "2026-03-02T07:00:00Z"), stem: "2026-03-02")
        try writer.write(digest(until: "2026-03-03T07:00:00Z"), stem: "2026-03-03")
        // Rewriting an older digest does not move `latest` back.
        try writer.write(digest(until: "2026-03-02T07:00:00Z"), stem: "2026-03-02")

        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            names == [
                "2026-03-02.html", "2026-03-02.json", "2026-03-02.md", "2026-03-03.html", "2026-03-03.json",
                "2026-03-03.md",
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
        let writer = DigestWriter(
            configuration: configuration, renderer: DigestRenderer(templates: try DigestTemplates()))
        for day in 1...4 {
            try writer.write(digest(until: "2026-03-0\(day)T07:00:00Z"), stem: "2026-03-0\(day)")
        }
        #expect(try writer.stems() == ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"])
    }

    @Test func retentionByAgeKeepsRecentDaysAndTheDigestJustWritten() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = DigestConfiguration(directory: folder)
        configuration.keep = 0
        configuration.keepDays = 2
        configuration.timeZone = TimeZone(identifier: "UTC")
        configuration.formats = [.json]
        let writer = DigestWriter(
            configuration: configuration, renderer: DigestRenderer(templates: try DigestTemplates()))
        for day in 1...5 {
            try writer.write(digest(until: "2026-03-0\(day)T07:00:00Z"), stem: "2026-03-0\(day)")
        }
        #expect(try writer.stems() == ["2026-03-03", "2026-03-04", "2026-03-05"])
        // An old digest built on demand (`gazette digest --date`) is written and kept that time.
        var old = digest(until: "2025-12-25T00:00:00Z")
        old.generatedAt = DigestFixtures.date("2026-03-05T08:00:00Z")
        try writer.write(old, stem: "2025-12-25")
        #expect(try writer.stems() == ["2025-12-25", "2026-03-03", "2026-03-04", "2026-03-05"])
    }

    @Test func feedEntriesSummariseEachDigest() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = DigestWriter(
            configuration: DigestConfiguration(directory: folder),
            renderer: DigestRenderer(templates: try DigestTemplates()))
        var first = digest(until: "2026-03-01T07:00:00Z")
        first.glance = .init(
            articles: 4, publications: 2, authors: 3, biggestStory: "The biggest story: “<script>alert(1)</script>”.")
        try writer.write(first, stem: "2026-03-01")
        var second = digest(until: "2026-03-02T07:00:00Z")
        second.glance = .init(articles: 1, publications: 1, authors: 1, biggestStory: nil)
        try writer.write(second, stem: "2026-03-02")

        let feed = try String(contentsOfFile: folder + "/digests.atom", encoding: .utf8)
        // The earlier entry's summary is read back from its JSON file; article text is escaped.
        #expect(
            feed.contains(
                "<summary type=\"text\">4 articles from 2 publications. The biggest story: “&lt;script&gt;alert(1)&lt;/script&gt;”.</summary>"
            ))
        #expect(feed.contains("<summary type=\"text\">1 article from 1 publication.</summary>"))
        #expect(!feed.contains("<script>"))
    }

    /// Regression: a digest with stories and numbers wrote `article_i_ds` and read `article_id`
    /// back as `articleId`, so every earlier digest lost its summary in the feed.
    @Test func earlierDigestsWithStoriesKeepTheirSummaryAndLinksAreAbsolute() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = DigestConfiguration(directory: folder)
        let writer = DigestWriter(
            configuration: configuration, renderer: DigestRenderer(templates: try DigestTemplates()))
        var first = digest(until: "2026-03-01T07:00:00Z")
        first.glance = .init(
            articles: 2, publications: 2, authors: 2, biggestStory: "The biggest story: “Senate passes bill”.")
        first.stories = [
            .init(
                headline: "Senate passes bill", publications: ["A", "B"], articleIDs: [1, 2], summary: [], people: [],
                places: [], sources: 2)
        ]
        first.numbers = [
            .init(
                text: "$1.2tn", value: 1.2e12, currency: "USD", unit: nil, context: "It costs $1.2tn.", articleID: 1,
                publication: "A")
        ]
        try writer.write(first, stem: "2026-03-01")
        let json = try String(contentsOfFile: folder + "/2026-03-01.json", encoding: .utf8)
        #expect(json.contains("\"article_ids\"") && json.contains("\"article_id\"") && !json.contains("article_i_ds"))
        #expect(try DigestRenderer.jsonDecoder().decode(Digest.self, from: Data(json.utf8)) == first)

        try writer.write(digest(until: "2026-03-02T07:00:00Z"), stem: "2026-03-02")
        var feed = try String(contentsOfFile: folder + "/digests.atom", encoding: .utf8)
        #expect(
            feed.contains(
                "<summary type=\"text\">2 articles from 2 publications. The biggest story: “Senate passes bill”.</summary>"
            ))
        let base = URL(fileURLWithPath: folder, isDirectory: true).absoluteString
        #expect(feed.contains("xml:base=\"\(base)\""))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"\(base)digests.atom\"/>"))
        #expect(feed.contains("<link rel=\"alternate\" href=\"\(base)2026-03-01.html\"/>"))

        configuration.baseURL = URL(string: "https://example.org/digests/")
        try DigestWriter(configuration: configuration, renderer: DigestRenderer(templates: try DigestTemplates()))
            .write(digest(until: "2026-03-03T07:00:00Z"), stem: "2026-03-03")
        feed = try String(contentsOfFile: folder + "/digests.atom", encoding: .utf8)
        #expect(feed.contains("<link rel=\"alternate\" href=\"https://example.org/digests/2026-03-01.html\"/>"))
    }

    /// Regression: a control character in a title made `digests.atom` invalid XML.
    @Test func feedDropsControlCharactersXMLForbids() {
        #expect(
            AtomFeed.escape("Bell\u{07} and escape\u{1B}[31m <b> & tab\tkept")
                == "Bell and escape[31m &lt;b&gt; &amp; tab\tkept")
    }

    @Test func fileNames() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let morning = DigestWindow(
            since: DigestFixtures.date("2026-07-01T06:00:00Z"), until: DigestFixtures.date("2026-07-02T06:00:00Z"))
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
