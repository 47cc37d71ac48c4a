import Foundation
import Testing

@testable import GazetteExtraction

/// Files that hold several articles: feeds, JSON arrays and JSON Lines, mailboxes, digests.
@Suite("Files of several articles")
struct MultiArticleTests {
    static func extractFile(_ name: String, path: String? = nil) throws -> ExtractedFile {
        try FrontFixtures.extractor.extractFile(
            SourceDocument(path: path ?? name, bytes: FormatFixtures.bytes(name), modified: FrontFixtures.modified))
    }

    @Test func rssGivesOneArticlePerItemWithText() throws {
        let file = try Self.extractFile("harbour-news.rss")
        #expect(file.records.map(\.source.part) == ["item 1", "item 2", "item 4"])
        #expect(file.skipped.map(\.part) == ["item 3"])
        #expect(file.skipped.first?.error == .noArticleText(format: .feed))
        let fares = file.records[0]
        #expect(fares.source.format == .feed)
        #expect(fares.title == "Ferry fares to rise in the new year")
        #expect(fares.titleSource == .metadata)
        #expect(fares.authors == ["Nadia Okafor"])
        #expect(fares.publication == "Harbour Times")
        #expect(fares.publishedAt == "2025-12-01T07:30:00Z")
        #expect(fares.body.hasPrefix("Ferry fares across the harbour will rise by 8% in January"))
        #expect(fares.body.contains("\n\nThe company blamed higher fuel costs"))
        #expect(!fares.body.contains("<p>"))
        // `author` is an address with the name in brackets.
        #expect(file.records[1].authors == ["Tom Reyes"])
        // Escaped HTML in a description is read as HTML.
        #expect(file.records[2].body.hasPrefix("The old lighthouse on the point reopened"))
        #expect(!file.records[2].body.contains("<p>"))
        // Every part names the same file.
        #expect(Set(file.records.map(\.source.sha256)).count == 1)
    }

    @Test func feedsAreSniffedWithoutAnExtension() throws {
        for path in ["harbour.xml", "download"] {
            let file = try Self.extractFile("harbour-news.rss", path: path)
            #expect(file.records.count == 3)
            #expect(file.records[0].source.format == .feed)
        }
    }

    @Test func atomEntries() throws {
        let file = try Self.extractFile("valley-courier.atom")
        #expect(file.records.map(\.source.part) == ["item 1", "item 2"])
        let bridge = file.records[0]
        #expect(bridge.title == "Bridge reopens after repairs")
        #expect(bridge.authors == ["Lena Park"])
        #expect(bridge.publication == "Valley Courier")
        // `published` wins over `updated`, at its own offset.
        #expect(bridge.publishedAt == "2025-11-30T16:00:00-05:00")
        #expect(
            bridge.body
                == "The river bridge reopened on Sunday after eight months of repairs, the county said.\n\nDrivers had faced a detour of twelve miles since March."
        )
        let budget = file.records[1]
        #expect(budget.body.hasPrefix("The school board approved a budget of $41 million"))
        #expect(budget.publishedAt == "2025-11-29T12:00:00Z")
    }

    @Test func jsonArrayGivesOneArticlePerElement() throws {
        let file = try Self.extractFile("wire.json")
        #expect(file.records.map(\.source.part) == ["item 1", "item 2"])
        #expect(file.skipped == [.init(part: "item 3", error: .noArticleText(format: .json))])
        #expect(file.records.map(\.title) == ["Council votes to keep the library open", "Rail strike called off"])
        #expect(file.records.map(\.authors) == [["Priya Nair"], ["Owen Hale"]])
    }

    @Test func jsonLinesGiveOneArticlePerLine() throws {
        let file = try Self.extractFile("wire.jsonl")
        #expect(file.records.map(\.source.part) == ["item 1", "item 2"])
        #expect(file.records.map(\.publication) == ["Alpine Post", "Alpine Post"])
        // Sniffed too: a text whose first line is a JSON object but that is not one JSON value.
        let sniffed = try Self.extractFile("wire.jsonl", path: "export")
        #expect(sniffed.records.map(\.title) == file.records.map(\.title))
    }

    @Test func aJSONArrayOfOneIsASingleArticle() throws {
        let json =
            #"[{"title": "Rail strike called off", "text": "A rail strike planned for next week was called off on Wednesday."}]"#
        let file = try FrontFixtures.extractor.extractFile(
            SourceDocument(path: "a.json", bytes: Array(json.utf8), modified: FrontFixtures.modified))
        #expect(file.records.count == 1)
        #expect(file.records[0].source.part == nil)
    }

    @Test func mailboxGivesOneArticlePerMessage() throws {
        let file = try Self.extractFile("three-messages.mbox")
        #expect(file.records.map(\.source.part) == ["message 1", "message 2", "message 3"])
        #expect(file.records.map(\.source.format) == [.email, .email, .email])
        #expect(
            file.records.map(\.title) == [
                "Ferry fares to rise in the new year", "Fish market moves to the east quay",
                "Lighthouse reopens to visitors",
            ])
        #expect(file.records.map(\.authors) == [["Nadia Okafor"], ["Tom Reyes"], ["Lena Park"]])
        // The mailbox's `>From ` quoting is undone.
        #expect(file.records[0].body.contains("From the first of the month"))
        #expect(!file.records[0].body.contains(">From"))
        // Sniffed: a text that starts with a `From ` line and headers.
        #expect(try Self.extractFile("three-messages.mbox", path: "mail").records.count == 3)
    }

    @Test func digestNewsletterGivesOneArticlePerStory() throws {
        let file = try Self.extractFile("morning-digest.eml")
        #expect(file.records.map(\.source.part) == ["story 1", "story 2", "story 3"])
        #expect(
            file.records.map(\.title) == [
                "Ferry fares to rise by 8% in January", "Fish market moves to the east quay",
                "Lighthouse reopens after two years of work",
            ])
        #expect(file.records.allSatisfy { $0.titleSource == .heading })
        #expect(file.records.allSatisfy { $0.publication == "The Morning Brief" })
        #expect(file.records.allSatisfy { $0.publishedAt == "2025-12-04T06:00:00Z" })
        #expect(file.records[1].body.hasPrefix("The fish market will open on the east quay"))
        #expect(!file.records[2].body.contains("That's all for today"))
    }

    @Test func anEssayWithSectionBreaksStaysOneArticle() throws {
        let file = try Self.extractFile("essay-newsletter.eml")
        #expect(file.records.count == 1)
        #expect(file.records[0].source.part == nil)
        #expect(file.records[0].title == "What the tide taught me")
        #expect(file.records[0].body.contains("Last month I went back"))
    }

    @Test func anOrdinaryNewsletterStaysOneArticle() throws {
        let file = try Self.extractFile("newsletter-platformer.eml")
        #expect(file.records.count == 1)
        #expect(file.records[0].source.part == nil)
    }

    @Test func singleArticleFilesHaveNoPartInTheirJSON() throws {
        let record = try FormatFixtures.extract("scraper.json")
        #expect(record.source.part == nil)
        let json = String(decoding: try ExtractionRecord.encoder().encode(record), as: UTF8.self)
        #expect(!json.contains("\"part\""))
    }

    @Test func aPartIsWrittenIntoTheRecordsJSON() throws {
        let record = try Self.extractFile("wire.json").records[1]
        let json = String(decoding: try ExtractionRecord.encoder().encode(record.source), as: UTF8.self)
        #expect(json.contains(#""part":"item 2""#))
        #expect(
            try JSONDecoder().decode(ExtractionRecord.self, from: ExtractionRecord.encoder().encode(record)) == record)
    }

    @Test func aFileWhoseItemsAllLackTextFails() {
        let json = #"[{"title": "One"}, {"title": "Two"}]"#
        #expect(throws: ExtractionError.noArticleInParts(count: 2)) {
            try FrontFixtures.extractor.extractFile(
                SourceDocument(path: "a.json", bytes: Array(json.utf8), modified: FrontFixtures.modified))
        }
    }

    @Test func tooManyPartsAreRefused() {
        let item = #"{"text": "x"}"#
        let json = "[" + Array(repeating: item, count: Extractor.maximumParts + 1).joined(separator: ",") + "]"
        #expect(throws: ExtractionError.tooManyParts(found: Extractor.maximumParts + 1, limit: Extractor.maximumParts))
        {
            try FrontFixtures.extractor.extractFile(
                SourceDocument(path: "a.json", bytes: Array(json.utf8), modified: FrontFixtures.modified))
        }
    }
}
