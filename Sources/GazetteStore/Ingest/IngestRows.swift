import GazetteExtraction

/// The reads and writes of rows that storing one article's record takes, so that one copy of
/// ``ArticleWriter`` and ``EntityLinker`` — which publication, author and entity each name is —
/// serves both databases: SQLite through ``SQLiteRows``, PostgreSQL through its own. Every call
/// runs inside the caller's transaction; entity and publication names compare case-insensitively.
package protocol IngestRows {
    /// The publication `name` is (``PublicationName``), inserted under this spelling if missing.
    func publicationID(_ name: String) throws -> Int64
    /// The author of exactly this name, inserted if missing.
    func authorID(_ name: String) throws -> Int64
    /// Inserts the article row (its `id` is ignored); returns the new id.
    func insertArticle(_ row: ArticleRow) throws -> Int64
    func insertArticleAuthor(articleID: Int64, authorID: Int64, position: Int) throws

    /// The entity of this name and type.
    func entityID(name: String, type: String) throws -> Int64?
    /// The entities of this type known under `name` (`entity_names`).
    func entityIDs(knownAs name: String, type: String) throws -> Set<Int64>
    /// The entities of this type whose canonical name is one of `names`.
    func entityIDs(type: String, namedAnyOf names: [String]) throws -> Set<Int64>
    /// The people whose `entities.surname` is `surname` (lower-cased, ``PersonName/surname``).
    func people(withSurname surname: String) throws -> [(id: Int64, name: String)]
    func entityName(id: Int64) throws -> String?
    func insertEntity(name: String, type: String, firstSeenAt: String, articleID: Int64) throws -> Int64
    func renameEntity(id: Int64, to name: String) throws
    /// Records that the entity is known under these names (each once).
    func addEntityNames(_ names: [String], entityID: Int64) throws
    /// A speaker the record names but does not list as an entity: a stored entity of that name,
    /// a person first.
    func speakerID(named name: String) throws -> Int64?

    /// Links the article to an entity under `name`; returns the link's id.
    func insertArticleEntity(articleID: Int64, entityID: Int64, position: Int, name: String) throws -> Int64
    func insertAlias(entityID: Int64, articleID: Int64, linkID: Int64, position: Int, alias: String) throws
    func insertRole(entityID: Int64, articleID: Int64, linkID: Int64, position: Int, role: String) throws
    func insertMention(
        articleID: Int64, entityID: Int64, linkID: Int64, start: Int, end: Int, surface: String
    ) throws
    func insertQuote(articleID: Int64, position: Int, speakerEntityID: Int64?, quote: Quote) throws
    func insertDate(articleID: Int64, position: Int, date: DateMention) throws
    func insertAmount(articleID: Int64, position: Int, amount: Amount) throws
    func insertKeyphrase(articleID: Int64, rank: Int, keyphrase: Keyphrase) throws
}
