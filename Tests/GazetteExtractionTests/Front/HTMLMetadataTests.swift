import GazetteExtraction
import Testing

/// The HTML reader's metadata: each field from the most reliable place, with its source.
@Suite("HTML: metadata and its sources")
struct HTMLMetadataTests {
    typealias F = FrontFixtures

    static func extract(head: String = "", _ body: String = "") throws -> ExtractionRecord {
        let html =
            "<!DOCTYPE html><html><head>\(head)</head><body>\(body)<div class=\"story\"><p>\(F.paragraphOne)</p><p>\(F.paragraphTwo)</p></div></body></html>"
        return try F.extract(html, path: "page.html")
    }

    static func jsonLD(_ json: String) -> String { "<script type=\"application/ld+json\">\(json)</script>" }

    @Test func jsonLDGraphWithAuthorReferenceAndOffset() throws {
        let record = try Self.extract(
            head: Self.jsonLD(
                """
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "The Courier"},
                  {"@type": ["NewsArticle"], "headline": "Council closes library", "datePublished": "2019-11-20T22:00:00-05:00",
                   "author": {"@id": "#jane"}, "publisher": {"@type": "Organization", "name": "The Courier"}},
                  {"@type": "Person", "@id": "#jane", "name": "Jane Doe"}]}
                """))
        #expect(record.title == "Council closes library")
        #expect(record.titleSource == .jsonLD)
        #expect(record.authors == ["Jane Doe"])
        #expect(record.authorSource == .jsonLD)
        // The page's own day, with its offset.
        #expect(record.publishedAt == "2019-11-20T22:00:00-05:00")
        #expect(record.publishedSource == .jsonLD)
        #expect(record.publication == "The Courier")
    }

    @Test func jsonLDAuthorArrayLeavesOutOrganisations() throws {
        let record = try Self.extract(
            head: Self.jsonLD(
                """
                [{"@type": "BreadcrumbList"}, {"@type": "ReportageNewsArticle", "headline": "A",
                  "author": [{"@type": "Person", "name": "Jane Doe"}, "John Roe", {"@type": "Organization", "name": "Courier Staff"}]}]
                """))
        #expect(record.authors == ["Jane Doe", "John Roe"])
    }

    @Test func invalidJSONLDStillGivesItsDate() throws {
        let record = try Self.extract(
            head: Self.jsonLD(#"{"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00", }}"#))
        #expect(record.publishedAt == "2020-10-26T18:10:00+01:00")
        #expect(record.publishedSource == .jsonLD)
    }

    @Test func openGraphAndSiteNameStripping() throws {
        let head = """
            <title>Harbour bridge reopens - BBC News</title><meta property="og:site_name" content="BBC News">
            <meta property="article:published_time" content="2025-11-28T07:15:00Z"><meta name="parsely-author" content="Daniel Frost">
            """
        let record = try Self.extract(head: head)
        #expect(record.title == "Harbour bridge reopens")
        #expect(record.titleSource == .titleElement)
        #expect(record.publication == "BBC News")
        #expect(record.authors == ["Daniel Frost"])
        #expect(record.authorSource == .meta)
        #expect(record.publishedSource == .meta)
    }

    @Test func confirmedHeadingIsTheTitle() throws {
        let record = try Self.extract(
            head: "<meta property=\"og:title\" content=\"Bridge reopens | CNN\">",
            "<h1 class=\"logo\">CNN</h1><h1>Bridge reopens</h1>")
        #expect(record.title == "Bridge reopens")
        #expect(record.titleSource == .heading)
    }

    /// A blog's name in its `<h1>` and first in its `<title>` is not the headline.
    @Test func siteNameFirstInTheTitle() throws {
        let record = try Self.extract(
            head: "<title>Four Years Remaining » Blog Archive » Interning of Small Integers in Python</title>",
            "<h1>Four Years Remaining</h1><h2>Interning</h2>")
        #expect(record.title == "Interning of Small Integers in Python")
        #expect(record.titleSource == .titleElement)
    }

    @Test func junkAuthorValuesAreRejected() throws {
        for junk in ["No Author", "@courier", "Staff", "https://example.org/jane", "Politics"] {
            let record = try Self.extract(
                head: "<meta name=\"author\" content=\"\(junk)\">",
                "<h1>Council closes library</h1><p class=\"byline\">By Jane Doe</p>")
            #expect(record.authors == ["Jane Doe"], "\(junk)")
            #expect(record.authorSource == .byline)
        }
    }

    @Test func microdataAuthorAndDate() throws {
        let body = """
            <div itemprop="author" itemscope><span itemprop="name">Jane Doe</span></div>
            <time itemprop="datePublished" datetime="2024-03-05T10:00:00+01:00">5 March</time>
            """
        let record = try Self.extract(body)
        #expect(record.authors == ["Jane Doe"])
        #expect(record.authorSource == .markup)
        #expect(record.publishedAt == "2024-03-05T10:00:00+01:00")
        #expect(record.publishedSource == .markup)
    }

    @Test func bylineAndDatelineNearTheHeadline() throws {
        let body =
            "<h1>Things to see this week</h1><div class=\"gallery-meta\">Posted on September 21, 2020 by Adi Tzlil</div>"
        let record = try Self.extract(body)
        #expect(record.authors == ["Adi Tzlil"])
        #expect(record.authorSource == .byline)
        #expect(record.publishedAt == "2020-09-21T00:00:00Z")
        #expect(record.publishedSource == .text)
    }

    @Test func inlineBylinePiecesAreSpaced() throws {
        let record = try Self.extract(
            "<h1>Salon owner speaks out</h1><div class=\"x\"><span>By</span><span><a href=\"/t/alex\">Alex Bozarjian</a></span></div>"
        )
        #expect(record.authors == ["Alex Bozarjian"])
    }

    @Test func dateInTheURL() throws {
        let record = try Self.extract(
            head: "<link rel=\"canonical\" href=\"https://example.org/news/2019/11/20/council-closes-library/\">")
        #expect(record.publishedAt == "2019-11-20T00:00:00Z")
        #expect(record.publishedSource == .url)
    }

    @Test func numericDatelineInAnotherLanguage() throws {
        let record = try Self.extract(
            "<h1>Goiás supera Palmeiras</h1><p class=\"tagline\">22/11/2020 - 04:30 - Fonte: Agência Brasil</p>")
        #expect(record.publishedAt?.hasPrefix("2020-11-22") == true)
        #expect(record.publishedSource == .text)
    }

    @Test func relativeTimeWithTheFullDateInItsTitle() throws {
        let record = try Self.extract(
            "<h1>Storm hits coast</h1><span class=\"time-ago\" title=\"2020-09-20T14:20:02Z\">2 hours ago</span>")
        #expect(record.publishedAt == "2020-09-20T14:20:02Z")
    }

    @Test func noDateFallsBackToTheFileExplicitly() throws {
        let record = try Self.extract()
        #expect(record.publishedSource == .file)
        #expect(record.authors.isEmpty)
        #expect(record.authorSource == nil)
    }
}
