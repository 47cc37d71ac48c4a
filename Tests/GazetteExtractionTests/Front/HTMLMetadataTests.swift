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

    /// A UTC time ten hours past midnight is on its day in every American zone: a URL dated the
    /// day before (the slug's day) does not move it.
    @Test func utcTimeFarFromMidnightKeepsItsDayAgainstTheURL() throws {
        let record = try Self.extract(
            head:
                "<link rel=\"canonical\" href=\"https://example.org/politics/workers-return/2020/07/08/c3d2_story.html\">"
                + Self.jsonLD(#"{"@type": "NewsArticle", "datePublished": "2020-07-09T10:04:04Z"}"#))
        #expect(record.publishedAt == "2020-07-09T10:04:04Z")
        #expect(record.publishedSource == .jsonLD)
    }

    /// A UTC time just past midnight may be the evening before where the paper is: its URL says which.
    @Test func utcTimeNearMidnightTakesTheURLsDay() throws {
        let record = try Self.extract(
            head: "<link rel=\"canonical\" href=\"https://example.org/news/2020/07/08/late-vote/\">"
                + "<meta property=\"article:published_time\" content=\"2020-07-09T02:30:00Z\">")
        #expect(record.publishedAt == "2020-07-08T00:00:00Z")
        #expect(record.publishedSource == .url)
    }

    /// A page that gives its publication time in UTC shows its own offset in its scripts.
    @Test func utcTimeTakesThePagesOffsetFromItsScripts() throws {
        let record = try Self.extract(
            head: "<meta property=\"article:published_time\" content=\"2020-05-02T02:54:29.000Z\">"
                + #"<script>window.__data = {"show": {"date": "Fri, 01 May 2020 23:00:00 -0400"}};</script>"#)
        #expect(record.publishedAt == "2020-05-01T22:54:29-04:00")
        #expect(record.publishedSource == .meta)
    }

    /// The day the page shows its readers beats the offset of a schedule in its scripts.
    @Test func shownDayBeatsTheOffsetFromScripts() throws {
        let record = try Self.extract(
            head: "<meta property=\"article:published_time\" content=\"2023-11-09T04:31:00Z\">"
                + #"<script>window.__data = {"show": {"date": "Thu, 09 Nov 2023 04:30:07 -0600"}};</script>"#,
            "<h1>Crews battle a warehouse fire</h1><div>Thursday, November 9, 2023 4:41AM</div>")
        #expect(record.publishedAt == "2023-11-09T04:31:00Z")
    }

    /// With no date in the markup, a date-time written by a script is the last resort.
    @Test func dateTimeInAScriptIsTheLastResort() throws {
        let record = try Self.extract(#"<script>showDate("2020/04/17 01:43:09");</script>"#)
        #expect(record.publishedAt?.hasPrefix("2020-04-17") == true)
        #expect(record.publishedSource == .markup)
    }

    /// A date after the file's time (a cache's `2099-12-31` sentinel) is never the publication
    /// time: the reader takes the next candidate, here the last resort's next date-time.
    @Test func aFarFutureDateIsPassedOver() throws {
        let record = try Self.extract(
            #"<script>var expires = "2099-12-31 23:59:59"; showDate("2020/04/17 01:43:09");</script>"#)
        #expect(record.publishedAt?.hasPrefix("2020-04-17") == true)
        let meta = try Self.extract(
            head: #"<meta property="article:published_time" content="2099-12-31T00:00:00Z">"#,
            #"<time datetime="2025-12-01T09:00:00Z">1 December</time>"#)
        #expect(meta.publishedAt == "2025-12-01T09:00:00Z")
        #expect(meta.publishedSource == .markup)
        // Nothing else: the file's time.
        let alone = try Self.extract(head: #"<meta property="article:published_time" content="2099-12-31T00:00:00Z">"#)
        #expect(alone.publishedSource == .file)
    }

    @Test func arabicMonthNames() throws {
        let record = try Self.extract(
            "<h1>أميركا: حصيلة الوفيات</h1><div class=\"article_created\">تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً</div>"
        )
        #expect(record.publishedAt?.hasPrefix("2020-04-24") == true)
        #expect(record.publishedSource == .text)
    }

    @Test func eastAsianDates() throws {
        for line in ["2020年4月17日 10:30", "2020년 4월 17일"] {
            let record = try Self.extract("<span class=\"date\">\(line)</span>")
            #expect(record.publishedAt?.hasPrefix("2020-04-17") == true, "\(line)")
        }
    }

    /// A profile card's "joined" date in a sidebar comes after the article's own date element.
    @Test func dateElementsOutsideFurnitureFirst() throws {
        let record = try Self.extract(
            "<aside class=\"profile\"><span class=\"join-date\">20 Mar 2007</span></aside>"
                + "<h1>Storm hits coast</h1><span class=\"date\">10 Jul 2020</span>")
        #expect(record.publishedAt?.hasPrefix("2020-07-10") == true)
    }

    @Test func noDateFallsBackToTheFileExplicitly() throws {
        let record = try Self.extract()
        #expect(record.publishedSource == .file)
        #expect(record.authors.isEmpty)
        #expect(record.authorSource == nil)
    }
}
