import GazetteExtraction
import Testing

/// The HTML reader's choice of main text: scoring, furniture, spacing, robustness.
@Suite("HTML: main text")
struct HTMLContentTests {
    typealias F = FrontFixtures

    static func page(head: String = "", _ body: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
    }

    static let p1 = "<p>\(F.paragraphOne)</p>", p2 = "<p>\(F.paragraphTwo)</p>", p3 = "<p>\(F.paragraphThree)</p>"
    static let expected = [F.paragraphOne, F.paragraphTwo, F.paragraphThree].joined(separator: "\n\n")

    static func extract(_ html: String) throws -> ExtractionRecord {
        try F.extract(html, path: "page.html")
    }

    /// Related-post cards are the page's only `<article>` elements: they must not win.
    @Test func relatedCardsDoNotWin() throws {
        let cards = (1...4).map {
            "<article class=\"card\"><h3><a href=\"/s\($0)\">Other story \($0)</a></h3><p>A short teaser.</p></article>"
        }.joined()
        let record = try Self.extract(
            Self.page("<div class=\"story\">\(Self.p1)\(Self.p2)\(Self.p3)</div><section>\(cards)</section>"))
        #expect(record.body == Self.expected)
    }

    /// An unclosed `<button>` does not swallow the rest of the page.
    @Test func unclosedButtonKeepsTheRest() throws {
        let record = try Self.extract(Self.page("<div><button class=\"menu\">Menu\(Self.p1)\(Self.p2)\(Self.p3)</div>"))
        #expect(record.body == Self.expected)
    }

    /// Inline elements are joined as a browser lays them out; table cells are spaced.
    @Test func inlineElementsKeepTheirSpacing() throws {
        let html = Self.page(
            """
            <div class="article-body"><p>The <b>new</b> deal<i>,</i> signed on <a href="/m">Monday</a>, covers schools and hospitals across the whole country for five years.</p>
            <p><span class="dateline">LONDON</span>The council agreed the budget after a long debate that lasted well into the night on Tuesday.</p>
            <table><tr><td>Schools</td><td>£5bn</td></tr></table>\(Self.p3)</div>
            """)
        let record = try Self.extract(html)
        #expect(record.body.contains("The new deal, signed on Monday, covers"))
        #expect(record.body.contains("LONDON The council agreed"))
        #expect(record.body.contains("Schools £5bn"))
    }

    /// Share bars, newsletter boxes, captions, related lists and comments inside the article are dropped.
    @Test func furnitureInsideTheArticleIsDropped() throws {
        let html = Self.page(
            """
            <article><h1>Schools funding rises</h1>
            <div class="share-bar"><a href="/f">Facebook</a><a href="/t">Twitter</a></div>\(Self.p1)
            <figure><img src="a.jpg"><figcaption>Pupils in a classroom. Photo: Agency</figcaption></figure>\(Self.p2)
            <div class="newsletter-signup"><p>Get our morning briefing in your inbox every day, free of charge, before breakfast.</p></div>
            <ul class="related-links"><li><a href="/a">Teachers strike over pay</a></li><li><a href="/b">Exam results out</a></li></ul>\(Self.p3)
            <div id="comments"><p>What a great decision by the council, I have waited years for this to happen in our town.</p></div>
            </article>
            """)
        let record = try Self.extract(html)
        #expect(record.body == Self.expected)
    }

    /// A cookie notice with more words than the article does not become the text.
    @Test func cookieNoticeDoesNotWin() throws {
        let notice = (1...4).map {
            "<p>We use cookies and similar technologies to improve your experience, measure traffic and show you personalised content number \($0).</p>"
        }.joined()
        let record = try Self.extract(
            Self.page("<main>\(Self.p1)\(Self.p2)</main><div class=\"cookie-banner\">\(notice)</div>"))
        #expect(record.body == [F.paragraphOne, F.paragraphTwo].joined(separator: "\n\n"))
    }

    /// A class that sounds like furniture on the element around the article (`id="left-rail"`)
    /// does not drop the article.
    @Test func furnitureClassAroundTheArticleIsOverruled() throws {
        let menu =
            "<nav><ul>" + (1...20).map { "<li><a href=\"/\($0)\">Section \($0)</a></li>" }.joined() + "</ul></nav>"
        let record = try Self.extract(
            Self.page("\(menu)<div id=\"left-rail\"><div class=\"story\">\(Self.p1)\(Self.p2)\(Self.p3)</div></div>"))
        #expect(record.body == Self.expected)
    }

    /// A page with no prose at all still gives its text, menus dropped.
    @Test func pageWithoutAnArticleFallsBackToItsText() throws {
        let html = Self.page(
            "<nav><a href=\"/\">Home</a> <a href=\"/n\">News</a></nav><div><p>Opening hours</p><p>Monday to Friday 9am to 5pm</p></div>"
        )
        let record = try Self.extract(html)
        #expect(record.body.contains("Monday to Friday 9am to 5pm"))
        #expect(!record.body.contains("Home"))
    }

    /// A page whose text is rendered by scripts falls back to its description.
    @Test func pageWithoutTextUsesItsDescription() throws {
        let head = "<meta property=\"og:description\" content=\"\(F.paragraphOne)\">"
        let record = try Self.extract(Self.page(head: head, "<div id=\"app\"></div><script>render()</script>"))
        #expect(record.body == F.paragraphOne)
    }

    /// The headline heading the text is the title, not a paragraph.
    @Test func headlineIsNotRepeatedInTheBody() throws {
        let html = Self.page(
            head: "<title>Schools funding rises | The Courier</title>",
            "<article><h1>Schools funding rises</h1>\(Self.p1)\(Self.p2)</article>")
        let record = try Self.extract(html)
        #expect(record.title == "Schools funding rises")
        #expect(record.body == [F.paragraphOne, F.paragraphTwo].joined(separator: "\n\n"))
    }

    /// Several megabytes of markup parse in one pass; the reader neither recurses nor stalls.
    @Test func largePageParses() throws {
        let menu =
            "<div class=\"menu\"><ul>" + (1...40).map { "<li><a href=\"/s/\($0)\">Section \($0)</a></li>" }.joined()
            + "</ul></div>"
        let html = Self.page(
            String(repeating: menu, count: 2_000) + "<div class=\"story\">\(Self.p1)\(Self.p2)\(Self.p3)</div>")
        #expect(html.utf8.count > 3_000_000)
        let record = try Self.extract(html)
        #expect(record.body == Self.expected)
    }

    /// Nesting far past libxml2's depth limit neither crashes nor loses the page.
    @Test func deeplyNestedPageParses() throws {
        let html = Self.page(
            String(repeating: "<div>", count: 20_000) + Self.p1 + String(repeating: "</div>", count: 20_000) + Self.p2)
        let record = try Self.extract(html)
        #expect(record.body.contains(F.paragraphTwo))
    }

    /// An ordinary page's rules (`<hr>`, bordered sections) leave no lines in its text.
    @Test func rulesLeaveNoLinesInAPage() throws {
        let html = Self.page(
            "<div class=\"story\">\(Self.p1)<hr>\(Self.p2)<div style=\"border-top:1px solid #ccc\">\(Self.p3)</div></div>"
        )
        #expect(try Self.extract(html).body == Self.expected)
    }
}
