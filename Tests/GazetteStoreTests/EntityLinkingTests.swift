import Foundation
import GRDB
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Entity linking across articles")
struct EntityLinkingTests {
    typealias Stub = SampleArticles.EntityStub

    /// (entity name, type, number of articles) for every shared entity.
    func sharedEntities(_ database: GazetteDatabase) throws -> [String: Int] {
        try database.read("test") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT entities.name, COUNT(DISTINCT article_id) AS articles
                      FROM entities JOIN article_entities ON entity_id = entities.id
                     GROUP BY entities.id
                    """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0["articles"] as Int) })
        }
    }

    func ingest(_ database: GazetteDatabase, title: String, body: String, _ entities: [Stub]) throws -> Int64 {
        try database.ingest(SampleArticles.article(SampleArticles.record(title: title, body: body, entities: entities)))
            .id
    }

    @Test("the same canonical name and type is one entity across articles")
    func sameName() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try database.ingest(SampleArticles.article())
        _ = try ingest(
            database, title: "Second", body: "Marco Rubio arrived in Moscow.",
            [Stub("Marco Rubio", .person), Stub("Moscow", .location)])
        let shared = try sharedEntities(database)
        #expect(shared["Marco Rubio"] == 2)
        #expect(shared["Moscow"] == 2)
        #expect(shared["Vladimir Putin"] == 1)
        #expect(shared.count == 4)
    }

    @Test("an article's bare alias joins the known fuller name of the same type")
    func aliasJoinsCanonical() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try database.ingest(SampleArticles.article())
        let second = try ingest(
            database, title: "Second", body: "Putin spoke to Washington.",
            [Stub("Putin", .person), Stub("Washington", .location)])
        #expect(try sharedEntities(database)["Vladimir Putin"] == 2)
        #expect(try sharedEntities(database)["Putin"] == nil)
        // The second article's own record is unchanged by the linking.
        #expect(try database.record(id: second)?.entities.map(\.name) == ["Putin", "Washington"])
    }

    @Test("a type mismatch does not link: Washington the place and Washington the person")
    func typeMatters() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try database.ingest(SampleArticles.article())
        _ = try ingest(
            database, title: "Second", body: "Washington crossed the Delaware.",
            [Stub("Washington", .person)])
        let count = try database.read("test") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entities WHERE name = 'Washington'")
        }
        #expect(count == 2)
    }

    @Test("an earlier bare name takes the fuller name of a later article")
    func fullerNameWins() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try ingest(database, title: "First", body: "Rubio landed.", [Stub("Rubio", .person)])
        _ = try ingest(
            database, title: "Second", body: "Marco Rubio spoke. Rubio left.",
            [Stub("Marco Rubio", .person, aliases: ["Rubio"])])
        #expect(try sharedEntities(database) == ["Marco Rubio": 2])
    }

    @Test("sharing only an alias does not link two different people")
    func sharedAliasOnly() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try ingest(
            database, title: "First", body: "Boris Johnson resigned. Johnson left.",
            [Stub("Boris Johnson", .person, aliases: ["Johnson"])])
        _ = try ingest(
            database, title: "Second", body: "Mike Johnson spoke. Johnson left.",
            [Stub("Mike Johnson", .person, aliases: ["Johnson"])])
        #expect(try sharedEntities(database) == ["Boris Johnson": 1, "Mike Johnson": 1])
    }

    @Test("an alias known for two different entities is ambiguous and makes a new entity")
    func ambiguousAlias() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try ingest(
            database, title: "First", body: "Boris Johnson resigned. Johnson left.",
            [Stub("Boris Johnson", .person, aliases: ["Johnson"])])
        _ = try ingest(
            database, title: "Second", body: "Mike Johnson spoke. Johnson left.",
            [Stub("Mike Johnson", .person, aliases: ["Johnson"])])
        _ = try ingest(database, title: "Third", body: "Johnson said no.", [Stub("Johnson", .person)])
        #expect(try sharedEntities(database) == ["Boris Johnson": 1, "Mike Johnson": 1, "Johnson": 1])
    }

    /// The roles stored for the shared entity named `name`.
    func roles(_ database: GazetteDatabase, of name: String) throws -> [String] {
        try database.read("test") { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT role FROM entity_roles JOIN entities ON entities.id = entity_id WHERE name = ? ORDER BY role",
                arguments: [name])
        }
    }

    @Test("a bare surname joins no one through another article's alias when two full names share it")
    func surnameAliasOfOneOfTwo() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try ingest(
            database, title: "First", body: "Mary Cheney wrote. The younger Cheney added more.",
            [Stub("Mary Cheney", .person, aliases: ["Cheney"])])
        _ = try ingest(database, title: "Second", body: "Dick Cheney spoke.", [Stub("Dick Cheney", .person)])
        _ = try ingest(
            database, title: "Third", body: "Vice President Cheney said no.",
            [Stub("Cheney", .person, roles: ["Vice President"])])
        #expect(try sharedEntities(database) == ["Mary Cheney": 1, "Dick Cheney": 1, "Cheney": 1])
        #expect(try roles(database, of: "Mary Cheney") == [])
    }

    @Test("a role read beside a bare surname does not go to the fuller name it links to")
    func rolesFollowTheExactPerson() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try ingest(
            database, title: "First", body: "Mary Cheney wrote on Facebook.",
            [Stub("Mary Cheney", .person, roles: ["activist"])])
        _ = try ingest(
            database, title: "Second", body: "Vice President Cheney said no.",
            [Stub("Cheney", .person, roles: ["Vice President"])])
        #expect(try sharedEntities(database) == ["Mary Cheney": 2])
        #expect(try roles(database, of: "Mary Cheney") == ["activist"])
    }

    @Test("first_seen_at is the ingest time of the first article naming the entity")
    func firstSeen() throws {
        let database = try GazetteDatabase.inMemory(
            now: SteppingClock(start: Date(timeIntervalSince1970: 0), step: 3600).next)
        let first = try database.ingest(SampleArticles.article()).id
        _ = try ingest(
            database, title: "Second", body: "Moscow and Kyiv.", [Stub("Moscow", .location), Stub("Kyiv", .location)])
        let rows = try database.read("test") { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT name, first_seen_at, first_article_id FROM entities WHERE name IN ('Moscow', 'Kyiv') ORDER BY name"
            )
        }
        #expect(rows.map { $0["first_seen_at"] as String } == ["1970-01-01T01:00:00.000Z", "1970-01-01T00:00:00.000Z"])
        #expect(rows.last?["first_article_id"] == first)
    }

    @Test("names differing only in case are one entity")
    func caseInsensitive() throws {
        let database = try GazetteDatabase.inMemory()
        _ = try ingest(database, title: "First", body: "NATO met.", [Stub("NATO", .organization)])
        _ = try ingest(database, title: "Second", body: "Nato met.", [Stub("Nato", .organization)])
        #expect(try sharedEntities(database) == ["NATO": 2])
    }
}
