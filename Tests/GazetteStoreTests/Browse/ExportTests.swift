import Foundation
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Export")
struct ExportTests {
    @Test("ids come oldest first, narrowed by the window; exported articles carry their records")
    func articles() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        #expect(try database.articleIDs() == [fixture.sample, fixture.tariffs, fixture.undated])
        let spring = TimeWindow(since: BrowseFixture.date("2025-03-01T00:00:00Z"))
        #expect(try database.articleIDs(in: spring) == [fixture.tariffs, fixture.undated])
        let exported = try database.exportedArticles(ids: [fixture.undated, 999, fixture.sample])
        #expect(exported.map(\.id) == [fixture.undated, fixture.sample])
        #expect(exported[1].record == (try database.record(id: fixture.sample)))
        #expect(exported[1].ingestedAt == BrowseFixture.ingestedAt)
    }

    @Test("CSV rows follow RFC 4180 quoting")
    func csvQuoting() {
        #expect(
            CSV.line(["plain", "a,b", "say \"hi\"", "two\nlines", ""])
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
        #expect(CSV.line(["crlf\r\nend"]) == "\"crlf\r\nend\"\r\n")
        // Regression: cells a spreadsheet would run as formulas; numbers stay numbers.
        #expect(
            CSV.line(["=HYPERLINK(\"http://x\")", "+1", "-0.25", "@SUM(A1)", "-cmd|' /C calc'!A0"])
                == "\"'=HYPERLINK(\"\"http://x\"\")\",+1,-0.25,'@SUM(A1),'-cmd|' /C calc'!A0\r\n")
    }

    @Test("a CSV row has one value per header column")
    func csvRow() throws {
        let fixture = try BrowseFixture()
        let article = try #require(try fixture.database.exportedArticles(ids: [fixture.tariffs]).first)
        let fields = article.csvFields
        #expect(fields.count == ExportedArticle.csvHeader.count)
        let value = Dictionary(uniqueKeysWithValues: zip(ExportedArticle.csvHeader, fields))
        #expect(value["id"] == String(fixture.tariffs))
        #expect(value["title"] == "EU vows response to steel tariffs")
        #expect(value["publication"] == "Reuters")
        #expect(value["ingested_at"] == "2025-04-02T00:00:00Z")
        #expect(value["keyphrases"] == "secretary of state; big summit")
    }
}
