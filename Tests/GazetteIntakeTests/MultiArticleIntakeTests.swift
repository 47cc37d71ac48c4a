import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import Testing

/// A file that holds several articles goes in whole: all its articles in one transaction, the
/// original archived once after the commit.
@Suite struct MultiArticleIntakeTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Harbour Times</title>
            <item>
              <title>Ferry fares to rise in the new year</title>
              <pubDate>Mon, 01 Dec 2025 07:30:00 +0000</pubDate>
              <description>Ferry fares across the harbour will rise by 8% in January, the operator said on Monday.</description>
            </item>
            <item>
              <title>Lifeboat crew honoured</title>
            </item>
            <item>
              <title>Fish market moves to the east quay</title>
              <pubDate>Tue, 02 Dec 2025 09:00:00 +0000</pubDate>
              <description>The fish market will open on the east quay from next month, the harbour board said.</description>
            </item>
          </channel>
        </rss>
        """

    @Test(.timeLimit(.minutes(1))) func aFeedBecomesOneArticlePerItemAndIsArchivedOnce() async throws {
        let fixture = try IntakeFixture()
        let path = try fixture.drop("harbour.rss", Self.feed)
        guard case .stored(let ids, let archived?) = await fixture.service().ingest(file: path, keepOriginal: false)
        else {
            Issue.record("expected the feed's articles to be stored and the file archived")
            return
        }
        #expect(ids.count == 2)
        #expect(fixture.names("archive") == ["harbour.rss"])
        let details = try ids.map { try #require(try fixture.database.articleDetails(id: $0)) }
        #expect(details.map(\.record.source.part) == ["item 1", "item 3"])
        #expect(
            details.map(\.record.title) == [
                "Ferry fares to rise in the new year", "Fish market moves to the east quay",
            ])
        #expect(details.allSatisfy { $0.archivePath == archived })

        // The same bytes again: one sighting, no new articles.
        let again = try fixture.drop("harbour-copy.rss", Self.feed)
        guard case .duplicate(let id, _) = await fixture.service().ingest(file: again, keepOriginal: false) else {
            Issue.record("expected a duplicate")
            return
        }
        #expect(id == ids[0])
        let status = try fixture.database.status()
        #expect(status.articles == 2)
        #expect(status.duplicates == 1)
    }

    @Test(.timeLimit(.minutes(1))) func aClaimedFileWhosePartsAreStoredIsOnlyArchived() async throws {
        let fixture = try IntakeFixture()
        // The daemon committed the feed's articles, then died before moving the file.
        let original = try fixture.drop("harbour.rss", Self.feed)
        guard case .stored(let ids, _) = await fixture.service().ingest(file: original, keepOriginal: true) else {
            Issue.record("setup: expected the feed to be stored")
            return
        }
        try FileManager.default.createDirectory(
            atPath: fixture.configuration.workDirectory, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: original, toPath: fixture.configuration.workDirectory + "/harbour.rss")

        let service = fixture.service()
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually { service.counters.recovered == 1 })
        }
        #expect(fixture.entries("work").isEmpty)
        #expect(fixture.names("archive") == ["harbour.rss"])
        let status = try fixture.database.status()
        #expect(status.articles == ids.count)
        #expect(status.duplicates == 0)
        #expect(service.counters.ingested == 0)
        for id in ids {
            #expect(try fixture.database.articleDetails(id: id)?.archivePath?.hasSuffix("/harbour.rss") == true)
        }
    }

    @Test(.timeLimit(.minutes(1))) func aFileOfTooManyArticlesIsQuarantined() async throws {
        let fixture = try IntakeFixture()
        let item = #"{"text": "The ferry left on time."}"#
        let json = "[" + Array(repeating: item, count: Extractor.maximumParts + 1).joined(separator: ",") + "]"
        let path = try fixture.drop("dump.json", json)
        guard case .failed(let refusal, _?) = await fixture.service().ingest(file: path, keepOriginal: false) else {
            Issue.record("expected the file to be quarantined")
            return
        }
        #expect(refusal.description.contains("more than the \(Extractor.maximumParts) Gazette takes from one file"))
        #expect(fixture.names("failed").contains("dump.json"))
        #expect(try fixture.database.status().articles == 0)
    }
}
