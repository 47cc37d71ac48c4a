import GazetteExtraction
import Testing

@Suite("Formats: Markdown, HTML, email, JSON and raw")
struct FormatTests {
    typealias F = FrontFixtures

    @Test func markdownHeadingAndInlineMarkup() throws {
        let text = """
            # Schools to get *record* funding

            The government announced on **Monday** that it would raise spending, according to [official figures](https://example.org/figures).

            ![A classroom](classroom.jpg)

            - Teachers welcomed the news.
            - Unions called for more.

            ```
            spending = 5bn
            ```
            """
        let record = try F.extract(text, path: "notes.md")
        #expect(record.source.format == .markdown)
        #expect(record.title == "Schools to get record funding")
        #expect(record.titleSource == .heading)
        #expect(
            record.body
                == "The government announced on Monday that it would raise spending, according to official figures.\n\nTeachers welcomed the news.\n\nUnions called for more.\n\nspending = 5bn"
        )
    }

    @Test func markdownSniffedWithoutExtension() throws {
        let record = try F.extract("# A headline\n\n\(F.paragraphOne)")
        #expect(record.source.format == .markdown)
        #expect(record.title == "A headline")
    }

    @Test func htmlTagsAreStrippedAndMetaRead() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Schools funding rises</title>
            <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2025-12-03T08:00:00Z">
            <script>var x = "<p>not text</p>";</script></head>
            <body><nav>Home | World</nav><article><h1>Schools funding rises</h1><p>The government &amp; councils agreed a <b>new</b> deal.</p><p>Unions said it was not enough.</p></article></body></html>
            """
        let record = try F.extract(html, path: "page.html")
        #expect(record.source.format == .html)
        #expect(record.title == "Schools funding rises")
        #expect(record.titleSource == .heading)
        #expect(record.authors == ["Jane Doe"])
        #expect(record.authorSource == .meta)
        #expect(record.publishedAt == "2025-12-03T08:00:00Z")
        #expect(record.publishedSource == .meta)
        #expect(record.body == "The government & councils agreed a new deal.\n\nUnions said it was not enough.")
    }

    @Test func emailHeadersAndBody() throws {
        let email =
            "From: Jane Doe <jane@example.org>\nTo: desk@example.org\nSubject: Council closes library\nDate: Wed, 03 Dec 2025 08:00:00 +0100\n\n\(F.paragraphOne)\n"
        let record = try F.extract(email, path: "tip.eml")
        #expect(record.source.format == .email)
        #expect(record.title == "Council closes library")
        #expect(record.authors == ["Jane Doe"])
        #expect(record.publishedAt == "2025-12-03T07:00:00Z")
        #expect(record.body == F.paragraphOne)
    }

    @Test func jsonFields() throws {
        let json =
            #"{"headline": "Council closes library", "author": [{"name": "Jane Doe"}], "datePublished": "2025-12-03", "articleBody": "First paragraph here.\n\nSecond paragraph here."}"#
        let record = try F.extract(json, path: "story.json")
        #expect(record.source.format == .json)
        #expect(record.title == "Council closes library")
        #expect(record.authors == ["Jane Doe"])
        #expect(record.publishedAt == "2025-12-03T00:00:00Z")
        #expect(record.body == "First paragraph here.\n\nSecond paragraph here.")
    }

    @Test func brokenJSONIsAnError() {
        #expect(throws: ExtractionError.malformed(format: .json)) { try F.extract("{\"title\": ", path: "story.json") }
    }

    @Test func rawModeKeepsTheTextAsIs() throws {
        let text =
            "\r\nDollar gains on Greenspan speech\r\n\r\nBy Jane Doe\r\nafter newsletter promotion\r\n14 hours ago\r\n\n"
        let record = try F.extract(text, options: .init(raw: true))
        #expect(
            record.body == "Dollar gains on Greenspan speech\n\nBy Jane Doe\nafter newsletter promotion\n14 hours ago")
        #expect(record.title == nil)
        #expect(record.titleSource == nil)
        #expect(record.authors.isEmpty)
        #expect(record.publishedSource == .file)
    }

    @Test func sourceFieldsDescribeTheBytes() throws {
        let record = try F.extract("Hello world, this is a short note.")
        #expect(record.source.bytes == 34)
        #expect(record.source.encoding == "utf-8")
        #expect(record.source.sha256.count == 64)
        #expect(record.wordCount == 7)
    }
}
