import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Reprocessing stored articles")
struct ReprocessTests {
    /// The record a newer pipeline might make of the tariff article: other entities, no quote,
    /// a new title, a new pipeline version.
    func newerRecord(_ old: ExtractionRecord) -> ExtractionRecord {
        var record = old
        record.title = "EU answers steel tariffs"
        record.entities = [
            Entity(
                name: "Ursula von der Leyen", type: .person, aliases: ["von der Leyen"],
                roles: ["president of the Commission"],
                mentions: SampleArticles.mentions(of: ["Ursula von der Leyen", "von der Leyen"], in: old.body)),
            Entity(name: "EU", type: .organization, mentions: []),
        ]
        record.quotes = []
        record.keyphrases = [Keyphrase(text: "steel tariffs", score: 0.9)]
        record.pipeline = "99"
        return record
    }

    @Test("replacing a record rebuilds every derived row and keeps the intake facts")
    func replaces() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        try database.recordSighting(articleID: fixture.tariffs, path: "inbox/again.html", at: BrowseFixture.ingestedAt)
        let before = try #require(try database.articleDetails(id: fixture.tariffs))
        let record = newerRecord(before.record)
        try database.replaceExtraction(articleID: fixture.tariffs, record: record)

        let after = try #require(try database.articleDetails(id: fixture.tariffs))
        #expect(after.record == record)
        #expect(after.sightings == before.sightings)
        #expect(after.receivedPath == before.receivedPath)
        #expect(after.hasRawBytes)
        #expect(try database.search(SearchQuery(text: "answers")).map(\.id) == [fixture.tariffs])
        #expect(try database.quotes(speaker: "von der Leyen").isEmpty)
        let names = Set(try database.entityTallies().map(\.name))
        #expect(names.contains("EU"))
        #expect(!names.contains("European Union"), "an entity no article names any more is gone")
        #expect(!names.contains("Brussels"))
        #expect(
            try database.entityTallies(type: .person).first { $0.name == "Ursula von der Leyen" }?.roles == [
                "president of the Commission"
            ])
    }

    @Test("replacing twice with the same record changes nothing more")
    func idempotent() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        let record = newerRecord(try #require(try database.record(id: fixture.tariffs)))
        try database.replaceExtraction(articleID: fixture.tariffs, record: record)
        let once = try database.articleDetails(id: fixture.tariffs)
        let tallies = try database.entityTallies()
        try database.replaceExtraction(articleID: fixture.tariffs, record: record)
        #expect(try database.articleDetails(id: fixture.tariffs) == once)
        #expect(try database.entityTallies() == tallies)
        #expect(try database.record(id: fixture.sample) == SampleArticles.record())
    }

    @Test("articles made by another pipeline version are listed until replaced")
    func progress() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        #expect(try database.articleIDs(notMadeByPipeline: Extractor.pipelineVersion).isEmpty)
        #expect(try database.articleIDs(notMadeByPipeline: "99") == [fixture.sample, fixture.tariffs, fixture.undated])
        try database.replaceExtraction(
            articleID: fixture.tariffs, record: newerRecord(try #require(try database.record(id: fixture.tariffs))))
        #expect(try database.articleIDs(notMadeByPipeline: "99") == [fixture.sample, fixture.undated])
    }

    @Test("stored sources give back the raw bytes, path and a modification time")
    func sources() throws {
        let fixture = try BrowseFixture()
        let sources = try fixture.database.storedSources(ids: [fixture.tariffs, 999])
        let source = try #require(sources.first)
        #expect(sources.count == 1)
        #expect(source.path == "inbox/tariffs.html")
        #expect(source.bytes == SampleArticles.article(BrowseFixture.tariffRecord()).raw)
        #expect(source.modified == SampleArticles.article().receivedAt)
        #expect(source.pipeline == Extractor.pipelineVersion)
    }

    @Test("an unknown id cannot be replaced")
    func missing() throws {
        let database = try GazetteDatabase.inMemory()
        #expect(throws: StoreError.articleNotFound(id: 7)) {
            try database.replaceExtraction(articleID: 7, record: SampleArticles.record())
        }
    }
}

@Suite("The reprocess loop")
struct ReprocessorTests {
    @Test("outdated articles are replaced by the current pipeline, and a second run finds none")
    func resumable() throws {
        let fixture = try BrowseFixture()
        let database = fixture.database
        var old = try #require(try database.articleDetails(id: fixture.tariffs)).record
        old.pipeline = "0"
        try database.replaceExtraction(articleID: fixture.tariffs, record: old)
        let reprocessor = Reprocessor(database: database, batchSize: 2)
        #expect(try reprocessor.targets(.outdated) == [fixture.tariffs])

        let all = try reprocessor.targets(.all)
        #expect(all.count == 3)
        var batches: [Reprocessor.Progress] = []
        let figures = try reprocessor.run(all, problem: { Issue.record("unexpected problem: \($0)") }) {
            batches.append($0)
        }
        #expect(figures == Reprocessor.Progress(replaced: 3, failed: 0, total: 3))
        #expect(batches.map(\.replaced) == [2, 3])
        #expect(try reprocessor.targets(.outdated).isEmpty)
    }

    @Test("a missing id is reported and the others still go")
    func missing() throws {
        let fixture = try BrowseFixture()
        let reprocessor = Reprocessor(database: fixture.database)
        var problems: [Reprocessor.Problem] = []
        let figures = try reprocessor.run([fixture.sample, 999], problem: { problems.append($0) }) { _ in }
        #expect(problems == [.missing(id: 999)])
        #expect(figures == Reprocessor.Progress(replaced: 1, failed: 1, total: 2))
    }
}
