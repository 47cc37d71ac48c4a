import Foundation
import GRDB
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

/// A small corpus of one name written differently across articles (issue 13): what the
/// extraction leaves of middle names, initials, titles, case, possessives and surnames alone
/// must join up in the store, and different people must not.
@Suite("Name variants across articles")
struct NameVariantTests {
    typealias Stub = SampleArticles.EntityStub

    /// Articles as the extraction records them (titles and possessives already dropped:
    /// `Mr Brown's plan` gives `Brown`), ingested in order.
    func ingest(_ names: [[Stub]], publication: String? = "The Guardian") throws -> GazetteDatabase {
        let database = try GazetteDatabase.inMemory()
        for (k, entities) in names.enumerated() {
            let body = "Article \(k): " + entities.map(\.name).joined(separator: ", ") + " in the news."
            _ = try database.ingest(
                SampleArticles.article(
                    SampleArticles.record(
                        title: "Article \(k)", body: body, publication: publication, entities: entities,
                        path: "inbox/\(k).txt")))
        }
        return database
    }

    /// Shared person entities: name → number of articles.
    func people(_ database: GazetteDatabase) throws -> [String: Int] {
        try database.read("test") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT entities.name, COUNT(DISTINCT article_id) AS articles
                      FROM entities JOIN article_entities ON entity_id = entities.id
                     WHERE entities.type = 'PERSON' GROUP BY entities.id
                    """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0["articles"] as Int) })
        }
    }

    @Test(
        "a middle name or an initial is the same person",
        arguments: [
            ["Owen Dempsey", "Owen John Dempsey"], ["Owen John Dempsey", "Owen Dempsey"],
            ["Owen J. Dempsey", "Owen John Dempsey"], ["Owen Dempsey", "Owen J Dempsey", "Owen John Dempsey"],
        ])
    func middleNames(_ spellings: [String]) throws {
        let database = try ingest(spellings.map { [Stub($0, .person)] })
        let longest = spellings.max { $0.count < $1.count }!
        #expect(try people(database) == [longest: spellings.count])
    }

    @Test("a surname alone joins the one person of that surname, before or after")
    func surnameAlone() throws {
        let after = try ingest([[Stub("Gordon Brown", .person)], [Stub("Brown", .person)]])
        #expect(try people(after) == ["Gordon Brown": 2])
        let before = try ingest([[Stub("Brown", .person)], [Stub("Gordon Brown", .person)]])
        #expect(try people(before) == ["Gordon Brown": 2])
        // `--entity Brown` finds both articles.
        let hits = try after.search(SearchQuery(text: "news", entity: "Brown"))
        #expect(hits.count == 2)
    }

    @Test("case and a possessive's stem are one name")
    func caseAndPossessive() throws {
        let database = try ingest([
            [Stub("Gordon Brown", .person)], [Stub("GORDON BROWN", .person)], [Stub("gordon brown", .person)],
        ])
        #expect(try people(database).values.sorted() == [3])
    }

    @Test("different people are not joined: another given name, an ambiguous surname")
    func differentPeople() throws {
        let database = try ingest([
            [Stub("Owen Dempsey", .person)], [Stub("Mary Dempsey", .person)], [Stub("Dempsey", .person)],
            [Stub("Owen Peter Dempsey", .person)],
        ])
        let found = try people(database)
        #expect(found["Mary Dempsey"] == 1)
        // Two full names share `Dempsey`: the bare surname stays apart.
        #expect(found["Dempsey"] == 1)
        #expect(found["Owen Peter Dempsey"] == 2)
        // A different middle name is a different person.
        let middles = try ingest([[Stub("Owen John Dempsey", .person)], [Stub("Owen Peter Dempsey", .person)]])
        #expect(try people(middles).count == 2)
    }

    @Test("a person does not join an organisation of the same words")
    func typesStayApart() throws {
        let database = try ingest([[Stub("Gordon Brown", .person)], [Stub("Brown", .organization)]])
        #expect(try people(database) == ["Gordon Brown": 1])
    }

    @Test("The Guardian and the Guardian are one publication that --publication guardian finds")
    func publicationSpellings() throws {
        let database = try GazetteDatabase.inMemory()
        for (k, name) in ["The Guardian", "the Guardian", "Guardian", "THE GUARDIAN"].enumerated() {
            _ = try database.ingest(
                SampleArticles.article(
                    SampleArticles.record(
                        title: "Guardian \(k)", body: "Story \(k) about steel.", publication: name,
                        path: "inbox/g\(k).txt")))
        }
        let count = try database.read("test") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM publications") }
        #expect(count == 1)
        for query in ["guardian", "The Guardian", "the guardian", "GUARDIAN"] {
            #expect(try database.search(SearchQuery(text: "steel", publication: query)).count == 4)
        }
        #expect(try database.search(SearchQuery(text: "steel", publication: "Observer")).isEmpty)
    }
}
