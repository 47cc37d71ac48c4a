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

    /// A feed with XML errors keeps the items that can be read and names the lost ones: one with
    /// a bare `<`, one cut off by a download cut short.
    @Test func aBrokenFeedKeepsItsGoodItems() throws {
        let file = try Self.extractFile("harbour-news-broken.rss")
        #expect(file.records.map(\.source.part) == ["item 1", "item 3"])
        #expect(file.records[0].title == "Ferry fares to rise in the new year")
        #expect(file.records[1].title == "Lighthouse reopens to visitors")
        #expect(file.records.allSatisfy { $0.publication == "Harbour Times" })
        #expect(file.records[1].publishedAt == "2025-12-03T10:15:00Z")
        #expect(
            file.skipped == [
                .init(part: "item 2", error: .malformedPart(format: .feed)),
                .init(part: "item 4", error: .malformedPart(format: .feed)),
            ])
        // An Atom feed cut inside its second entry.
        let atom = try FormatFixtures.bytes("valley-courier.atom")
        let second = String(decoding: atom, as: UTF8.self).ranges(of: "<entry").dropFirst().first!
        let cut = String(decoding: atom, as: UTF8.self)[..<second.upperBound] + ">\n<title>School budget"
        let entries = try FrontFixtures.extractor.extractFile(
            SourceDocument(path: "a.atom", bytes: Array(cut.utf8), modified: FrontFixtures.modified))
        #expect(entries.records.map(\.title) == ["Bridge reopens after repairs"])
        #expect(entries.skipped == [.init(part: "item 2", error: .malformedPart(format: .feed))])
    }

    /// A broken feed none of whose items can be read is refused whole.
    @Test func aBrokenFeedWithoutAGoodItemIsRefused() {
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
            <item><title>Fish market</title><description>Stall rents will rise by < 5%.</description></item>
            """
        // An item whose only error is an HTML entity XML does not know is lost too: no guess.
        let entity = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
            <item><title>Fish&nbsp;market</title><description>The fish market will move.</description></item>
            </channel></rss>
            """
        #expect(throws: ExtractionError.malformed(format: .feed)) {
            try FrontFixtures.extractor.extractFile(
                SourceDocument(path: "a.rss", bytes: Array(feed.utf8), modified: FrontFixtures.modified))
        }
        #expect(throws: ExtractionError.malformed(format: .feed)) {
            try FrontFixtures.extractor.extractFile(
                SourceDocument(path: "a.rss", bytes: Array(entity.utf8), modified: FrontFixtures.modified))
        }
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

    static func extractJSON(_ json: String) throws(ExtractionError) -> ExtractedFile {
        try FrontFixtures.extractor.extractFile(
            SourceDocument(path: "a.json", bytes: Array(json.utf8), modified: FrontFixtures.modified))
    }

    /// An API's response (NewsAPI's `articles`) or a scraper's export wrapping its array.
    @Test func aWrappedArrayGivesOneArticlePerElement() throws {
        let newsAPI = """
            {"status": "ok", "totalResults": 2, "articles": [
              {"source": {"id": null, "name": "Harbour Times"}, "author": "Nadia Okafor", "title": "Ferry fares to rise in the new year",
               "publishedAt": "2025-12-01T07:30:00Z", "content": "Ferry fares across the harbour will rise by 8% in January, the operator said on Monday."},
              {"source": {"id": null, "name": "Harbour Times"}, "author": "Tom Reyes", "title": "Fish market moves to the east quay",
               "publishedAt": "2025-12-02T07:30:00Z", "content": "The fish market will open on the east quay from next month, the harbour board said."}
            ]}
            """
        let file = try Self.extractJSON(newsAPI)
        #expect(file.records.map(\.source.part) == ["item 1", "item 2"])
        #expect(
            file.records.map(\.title) == ["Ferry fares to rise in the new year", "Fish market moves to the east quay"])
        #expect(file.records.map(\.authors) == [["Nadia Okafor"], ["Tom Reyes"]])
        #expect(file.records.map(\.publication) == ["Harbour Times", "Harbour Times"])
        #expect(file.records[1].publishedAt == "2025-12-02T07:30:00Z")
        // One level further down, and JSON Feed's `content_text` under a feed's `description`.
        let nested = """
            {"data": {"posts": [{"headline": "Rail strike called off", "text": "A rail strike planned for next week was called off on Wednesday."},
                                {"headline": "Library stays open", "text": "The council voted on Tuesday to keep the library open for another year."}]}}
            """
        #expect(try Self.extractJSON(nested).records.map(\.title) == ["Rail strike called off", "Library stays open"])
        let jsonFeed = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Harbour Times", "description": "News from the harbour.",
             "items": [{"id": "1", "title": "Rail strike called off", "content_text": "A rail strike planned for next week was called off on Wednesday."},
                       {"id": "2", "title": "Library stays open", "content_text": "The council voted on Tuesday to keep the library open for another year."}]}
            """
        #expect(try Self.extractJSON(jsonFeed).records.map(\.source.part) == ["item 1", "item 2"])
    }

    /// A wrapper whose array holds no article (ids, names, objects without a title or text) is
    /// refused as a file without article text; an object with its own body stays one article.
    @Test func aWrapperWithoutArticlesIsRefused() throws {
        for json in [#"{"results": [1, 2, 3]}"#, #"{"items": [{"id": 1}, {"id": 2}]}"#, #"{"data": []}"#] {
            #expect(throws: ExtractionError.noArticleText(format: .json)) { try Self.extractJSON(json) }
        }
        let article = """
            {"title": "Rail strike called off", "body": "A rail strike planned for next week was called off on Wednesday.",
             "entries": [{"title": "Library stays open", "text": "The council voted on Tuesday to keep the library open."}]}
            """
        let file = try Self.extractJSON(article)
        #expect(file.records.map(\.title) == ["Rail strike called off"])
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

    /// An HTML digest is cut where the page draws rules: `<hr>`, a row's top or bottom border,
    /// a thin filled bar.
    @Test func htmlDigestNewsletterGivesOneArticlePerStory() throws {
        let file = try Self.extractFile("harbour-digest-html.eml")
        #expect(file.records.map(\.source.part) == ["story 1", "story 2", "story 3"])
        #expect(
            file.records.map(\.title) == [
                "Ferry fares to rise by 8% in January", "Fish market moves to the east quay",
                "Lighthouse reopens after two years of work",
            ])
        #expect(file.records.allSatisfy { $0.titleSource == .heading && $0.source.format == .email })
        #expect(file.records.allSatisfy { $0.publication == "Harbour Weekly" })
        #expect(file.records.allSatisfy { $0.publishedAt == "2025-12-04T07:00:00Z" })
        #expect(file.records[0].body.hasPrefix("Ferry fares across the harbour will rise by 8% in January"))
        #expect(file.records[1].body.hasSuffix("fewer tourists will walk that far from the town centre."))
        #expect(file.records[2].body.hasSuffix("hopes to open a small cafe next summer."))
        #expect(!file.records.contains { $0.body.contains("* * *") || $0.body.contains("Unsubscribe") })
    }

    /// A sponsor block between two rules is dropped, and the story around it stays one article.
    @Test func aSponsorBlockBetweenRulesDoesNotSplitAStory() throws {
        let file = try Self.extractFile("sponsored-story-html.eml")
        #expect(file.records.count == 1)
        let record = file.records[0]
        #expect(record.source.part == nil)
        #expect(record.title == "Why the ferry fares are going up")
        #expect(record.body.contains("The operator last raised its fares two years ago."))
        #expect(!record.body.contains("Quayside Bank"))
    }

    /// A message or item dated after its file's time (a sentinel, a wrong clock) takes a
    /// dateline in its text, else the file's time.
    @Test func aFutureDateInAMessageOrFeedIsDropped() throws {
        let message = """
            From: Tom Reyes <tom@harbourtimes.example>
            Subject: Fish market moves to the east quay
            Date: Thu, 31 Dec 2099 23:59:59 +0000

            Published 2 December 2025

            The fish market will open on the east quay from next month, the harbour board said on Tuesday.
            """
        let mail = try FrontFixtures.extractor.extract(
            SourceDocument(path: "a.eml", bytes: Array(message.utf8), modified: FrontFixtures.modified))
        #expect(mail.publishedAt == "2025-12-02T00:00:00Z")
        #expect(mail.publishedSource == .text)
        let json =
            #"{"title": "Rail strike called off", "date": "2099-12-31", "text": "A rail strike planned for next week was called off on Wednesday."}"#
        let record = try Self.extractJSON(json).records[0]
        #expect(record.publishedSource == .file)
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
