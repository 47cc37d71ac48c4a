import Foundation
import Testing

@testable import GazetteDigest

@Suite struct DigestRendererTests {
    let day = DigestWindow(
        since: DigestFixtures.date("2026-03-10T00:00:00Z"), until: DigestFixtures.date("2026-03-11T00:00:00Z"))

    func digest(title: String) throws -> Digest {
        let database = try DigestFixtures.store([
            ArticleSpec(
                title: title, publication: "<b>Pub</b>", people: ["Ann <i>Lee</i>"],
                quote: ("Ann <i>Lee</i>", "<script>alert(2)</script> is what we said today"),
                at: day.since.addingTimeInterval(60))
        ])
        return try DigestBuilder(database: database, timeZone: DigestFixtures.utc).build(day)
    }

    @Test func htmlEscapesArticleText() throws {
        let html = DigestRenderer(templates: try DigestTemplates()).render(
            try digest(title: "<script>alert(1)</script>"), as: .html)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>Pub"))
        #expect(!html.contains("<i>"))
        // Self-contained: no external requests.
        #expect(!html.contains("://"))
        #expect(!html.contains("src="))
        #expect(html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("<svg class=\"spark\""))
    }

    @Test func markdownEscapesArticleText() throws {
        let markdown = DigestRenderer(templates: try DigestTemplates()).render(
            try digest(title: "<script>alert(1)</script> *bold*"), as: .markdown)
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> \\*bold\\*"))
        #expect(markdown.contains("## Who said what"))
        #expect(markdown.contains("▁"))
    }

    @Test func jsonRoundTrips() throws {
        let digest = try digest(title: "Plain")
        let json = DigestRenderer(templates: try DigestTemplates()).render(digest, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles.first?["title"] as? String == "Plain")
        #expect(articles.first?["ingested_at"] as? String == "2026-03-10T00:01:00Z")
        #expect(
            Set(object.keys) == [
                "window", "time_zone", "generated_at", "glance", "stories", "names", "quotes", "numbers", "dates_ahead",
                "articles",
            ])
    }

    @Test func userTemplatesOverrideBuiltIns() throws {
        let folder = try DigestFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Custom {{title}} / {{glance.articles}}".write(
            toFile: folder + "/digest.html.mustache", atomically: true, encoding: .utf8)
        let renderer = DigestRenderer(templates: try DigestTemplates(overrideDirectory: folder))
        let digest = try digest(title: "x")
        #expect(renderer.render(digest, as: .html) == "Custom Gazette digest — Tuesday 10 March 2026 / 1")
        #expect(renderer.render(digest, as: .markdown).hasPrefix("# Gazette digest"))
    }

    @Test func sparklines() {
        #expect(Sparkline.text([0, 1, 2, 4, 8]) == "▁▁▂▄█")
        #expect(Sparkline.text([0, 0]) == "▁▁")
        #expect(Sparkline.svg([0, 3]).contains("points=\"1,17 83,3\""))
    }
}
