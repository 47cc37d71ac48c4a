import Foundation
import Testing

@testable import GazetteExtraction

@Suite("JSON scraper keys, TOML front matter, refused formats")
struct OtherFormatTests {
    @Test func scraperJSON() throws {
        let record = try FormatFixtures.extract("scraper.json")
        #expect(record.source.format == .json)
        #expect(record.title == "Ferry fares to rise in the new year")
        #expect(record.authors == ["Nadia Okafor", "Tom Reyes"])
        #expect(record.publishedAt == "2025-12-01T07:30:00Z")
        #expect(record.publishedSource == .metadata)
        #expect(record.publication == "Harbour Times")
        #expect(record.body.hasPrefix("Ferry fares across the harbour will rise by 8% in January"))
    }

    /// NewsAPI's shape: `source` is an object, `content` the text, `date_published`.
    @Test func newsAPIJSON() throws {
        let record = try FormatFixtures.extract("newsapi.json")
        #expect(record.publication == "Valley Courier")
        #expect(record.authors == ["Lena Park"])
        #expect(record.publishedAt == "2025-11-30T16:00:00Z")
    }

    @Test func publicationFallsBackToTheURLHost() throws {
        let json =
            #"{"url": "https://www.example-news.org/a/1", "text": "The bridge reopened on Friday after eight months of repairs, the council said."}"#
        let record = try FrontFixtures.extract(json, path: "a.json")
        #expect(record.publication == "example-news.org")
    }

    @Test func tomlFrontMatter() throws {
        let record = try FormatFixtures.extract("hugo-post.md")
        #expect(record.source.format == .markdown)
        #expect(record.title == "Library opens on Sundays")
        #expect(record.authors == ["Priya Nair", "Owen Hale"])
        #expect(record.publishedAt == "2025-11-29T09:00:00Z")
        #expect(record.publication == "Northside Weekly")
        #expect(record.body.hasPrefix("The central library will open on Sundays"))
        #expect(!record.body.contains("+++"))
    }

    /// Regression: a title written as a JSON-style YAML string kept `\u2019` literally.
    @Test func quotedFrontMatterValuesHaveTheirEscapesDecoded() throws {
        let markdown =
            "---\ntitle: \"Trump\\u2019s \\\"wall\\\" speech\"\npublication: 'O''Brien Weekly'\n---\n\nThe president spoke for an hour about the border and the budget.\n"
        let record = try FormatFixtures.extract(bytes: Array(markdown.utf8), path: "inbox/speech.md")
        #expect(record.title == "Trump\u{2019}s \"wall\" speech")
        #expect(record.publication == "O'Brien Weekly")
    }

    @Test func tomlFrontMatterIsSniffedWithoutExtension() {
        #expect(FormatDetector.sniff("+++\ntitle = \"A\"\n+++\n\nText.") == .markdown)
    }

    /// Regression: an uncompressed PDF became an article titled `%PDF-1.4`.
    @Test func pdfIsRefusedByName() throws {
        let pdf = Array(
            "%PDF-1.4\n1 0 obj << /Title (Budget) >> endobj\nBT (The council approved the budget.) Tj ET\n".utf8)
        #expect(throws: ExtractionError.unsupported(.pdf)) {
            try FormatFixtures.extract(bytes: pdf, path: "inbox/budget.txt")
        }
        let error = ExtractionError.unsupported(.pdf)
        #expect(error.stage == "format")
        #expect(error.description.contains("PDF"))
        #expect(error.description.contains("pdftotext"))
    }

    @Test(
        arguments: [
            ([0x7B, 0x5C, 0x72, 0x74, 0x66, 0x31, 0x20, 0x48, 0x69, 0x7D], "note.txt", "an RTF document"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "memo.bin", "a Word document"),
            (
                Array("PK\u{03}\u{04}\u{14}\u{00}[Content_Types].xml word/document.xml".utf8), "report",
                "a Word document"
            ),
            (Array("PK\u{03}\u{04}\u{14}\u{00}notes/a.txt".utf8), "backup", "a compressed archive (ZIP)"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "photo", "an image (PNG)"),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "photo", "an image (JPEG)"),
            ([0x1F, 0x8B, 0x08, 0x00, 0, 0], "articles", "a compressed archive (gzip)"),
            (
                Array("function track() { return window.dataLayer.push({event: 'view'}); }".utf8),
                "Story_files/analytics.js", "a JavaScript file"
            ),
            (
                Array("body { font-family: Georgia, serif; margin: 0 auto; }".utf8), "Story_files/main.css",
                "a CSS style sheet"
            ),
            (Array("A perfectly good caption".utf8), "Story_files/hero.svg", "an image (SVG)"),
            (
                Array("<html><body><p>Buy our widgets today, the best widgets in town.</p></body></html>".utf8),
                "inbox/Story_files/saved_resource(2).html",
                "a frame embedded in a saved web page (an advertisement or widget)"
            ),
        ] as [([UInt8], String, String)])
    func refusals(bytes: [UInt8], path: String, name: String) {
        let error = #expect(throws: ExtractionError.self) { try FormatFixtures.extract(bytes: bytes, path: path) }
        guard case .unsupported(let format) = error else {
            Issue.record("not refused as unsupported: \(String(describing: error))")
            return
        }
        #expect(format.name == name)
        #expect(error?.description.hasPrefix("The file is \(name), which Gazette does not read: ") == true)
    }

    /// The saved page itself, beside its `_files` folder, is an article.
    @Test func savedPageBesideItsFilesIsRead() throws {
        let page =
            "<html><head><title>Bridge reopens</title></head><body><p>The bridge reopened on Friday after eight months of repairs, the council said.</p></body></html>"
        let record = try FrontFixtures.extract(page, path: "inbox/Story.html")
        #expect(record.source.format == .html)
    }

    /// Text that merely mentions a format is still an article.
    @Test func textMentioningPDFIsAnArticle() throws {
        let record = try FrontFixtures.extract(
            "The council published its budget as a PDF (%PDF-1.4) on Monday, and residents said it was hard to read.")
        #expect(record.source.format == .text)
    }
}
