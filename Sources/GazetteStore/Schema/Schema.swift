import GRDB

/// The database schema as a sequence of named, append-only migrations.
///
/// Never edit a migration once it has shipped: add a new one. Migrations use table and column
/// names as strings, never the Swift row types, so that later changes to the types cannot
/// change what an old migration does. `docs/schema.md` documents every table.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-articles", migrate: createArticles)
        migrator.registerMigration("v1-entities", migrate: createEntities)
        migrator.registerMigration("v1-facts", migrate: createFacts)
        migrator.registerMigration("v1-intake", migrate: createIntake)
        migrator.registerMigration("v1-search", migrate: createSearch)
        migrator.registerMigration("v2-entity-names", migrate: createEntityNames)
        migrator.registerMigration("v3-article-parts", migrate: addArticleParts)
        migrator.registerMigration("v3-author-source", migrate: addAuthorSource)
        migrator.registerMigration("v4-person-surnames", migrate: addPersonSurnames)
        migrator.registerMigration("v4-search-prefixes", migrate: addSearchPrefixes)
        return migrator
    }

    private static func createArticles(_ db: Database) throws {
        try db.create(table: "publications") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
        }
        try db.create(table: "articles") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sha256", .text).notNull().unique()
            t.column("raw", .blob)
            t.column("received_path", .text).notNull()
            t.column("received_at", .text).notNull()
            t.column("archive_path", .text)
            t.column("ingested_at", .text).notNull()
            t.column("processed_at", .text).notNull()
            t.column("record_schema", .integer).notNull()
            t.column("source_path", .text).notNull()
            t.column("source_format", .text).notNull()
            t.column("source_encoding", .text).notNull()
            t.column("source_bytes", .integer).notNull()
            t.column("title", .text)
            t.column("title_source", .text)
            t.column("author_role", .text)
            t.column("publication_id", .integer).references("publications", onDelete: .setNull)
            t.column("published_at", .text)
            t.column("published_source", .text)
            t.column("language", .text).notNull()
            t.column("body", .text).notNull()
            t.column("word_count", .integer).notNull()
            t.column("tone", .double).notNull()
            t.column("simhash", .integer).notNull()
            t.column("simhash_hex", .text).notNull()
            t.column("pipeline_version", .text).notNull()
            t.column("summary", .text).notNull()
        }
        try db.create(index: "articles_on_ingested_at", on: "articles", columns: ["ingested_at"])
        try db.create(index: "articles_on_published_at", on: "articles", columns: ["published_at"])
        try db.create(index: "articles_on_publication_id", on: "articles", columns: ["publication_id"])
        try db.create(index: "articles_on_pipeline_version", on: "articles", columns: ["pipeline_version"])

        try db.create(table: "authors") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
        }
        try db.create(table: "article_authors") { t in
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("author_id", .integer).notNull().references("authors")
            t.column("position", .integer).notNull()
            t.primaryKey(["article_id", "position"])
        }
        try db.create(index: "article_authors_on_author_id", on: "article_authors", columns: ["author_id"])
    }

    private static func createEntities(_ db: Database) throws {
        try db.create(table: "entities") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().collate(.nocase)
            t.column("type", .text).notNull()
            t.column("first_seen_at", .text).notNull()
            t.column("first_article_id", .integer).references("articles", onDelete: .setNull)
            t.uniqueKey(["name", "type"])
        }
        try db.create(index: "entities_on_type_first_seen_at", on: "entities", columns: ["type", "first_seen_at"])
        try db.create(index: "entities_on_first_article_id", on: "entities", columns: ["first_article_id"])

        try db.create(table: "article_entities") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("entity_id", .integer).notNull().references("entities")
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull().collate(.nocase)
            t.uniqueKey(["article_id", "position"])
        }
        try db.create(
            index: "article_entities_on_entity_id", on: "article_entities", columns: ["entity_id", "article_id"])
        try db.create(index: "article_entities_on_name", on: "article_entities", columns: ["name"])

        try db.create(table: "entity_aliases") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("entity_id", .integer).notNull().references("entities")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("article_entity_id", .integer).notNull().references("article_entities", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("alias", .text).notNull().collate(.nocase)
        }
        try db.create(index: "entity_aliases_on_alias", on: "entity_aliases", columns: ["alias"])
        try db.create(index: "entity_aliases_on_entity_id", on: "entity_aliases", columns: ["entity_id"])
        try db.create(
            index: "entity_aliases_on_article_entity_id", on: "entity_aliases",
            columns: ["article_entity_id", "position"])
        try db.create(index: "entity_aliases_on_article_id", on: "entity_aliases", columns: ["article_id"])

        try db.create(table: "entity_roles") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("entity_id", .integer).notNull().references("entities")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("article_entity_id", .integer).notNull().references("article_entities", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("role", .text).notNull()
        }
        try db.create(index: "entity_roles_on_entity_id", on: "entity_roles", columns: ["entity_id"])
        try db.create(
            index: "entity_roles_on_article_entity_id", on: "entity_roles", columns: ["article_entity_id", "position"])
        try db.create(index: "entity_roles_on_article_id", on: "entity_roles", columns: ["article_id"])

        try db.create(table: "mentions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("entity_id", .integer).notNull().references("entities")
            t.column("article_entity_id", .integer).notNull().references("article_entities", onDelete: .cascade)
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("surface", .text).notNull()
        }
        try db.create(index: "mentions_on_entity_id", on: "mentions", columns: ["entity_id", "article_id"])
        try db.create(index: "mentions_on_article_entity_id", on: "mentions", columns: ["article_entity_id", "start"])
        try db.create(index: "mentions_on_article_id", on: "mentions", columns: ["article_id"])
    }

    private static func createFacts(_ db: Database) throws {
        try db.create(table: "quotes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("speaker_entity_id", .integer).references("entities", onDelete: .setNull)
            t.column("speaker", .text)
            t.column("text", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.uniqueKey(["article_id", "position"])
        }
        try db.create(index: "quotes_on_speaker_entity_id", on: "quotes", columns: ["speaker_entity_id"])

        try db.create(table: "dates") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("value", .text).notNull()
            t.column("granularity", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.uniqueKey(["article_id", "position"])
        }
        try db.create(index: "dates_on_value", on: "dates", columns: ["value"])

        try db.create(table: "amounts") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("value", .double).notNull()
            t.column("currency", .text)
            t.column("unit", .text)
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.uniqueKey(["article_id", "position"])
        }

        try db.create(table: "keyphrases") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("rank", .integer).notNull()
            t.column("text", .text).notNull().collate(.nocase)
            t.column("score", .double).notNull()
            t.uniqueKey(["article_id", "rank"])
        }
        try db.create(index: "keyphrases_on_text", on: "keyphrases", columns: ["text"])
    }

    private static func createIntake(_ db: Database) throws {
        try db.create(table: "duplicate_sightings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("articles", onDelete: .cascade)
            t.column("path", .text).notNull()
            t.column("seen_at", .text).notNull()
        }
        try db.create(index: "duplicate_sightings_on_article_id", on: "duplicate_sightings", columns: ["article_id"])

        try db.create(table: "ingest_failures") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("file_name", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("stage", .text).notNull()
            t.column("size", .integer)
            t.column("sha256", .text)
            t.column("failed_at", .text).notNull()
            t.column("quarantine_path", .text)
        }
        try db.create(index: "ingest_failures_on_failed_at", on: "ingest_failures", columns: ["failed_at"])
        try db.create(index: "ingest_failures_on_sha256", on: "ingest_failures", columns: ["sha256"])
    }

    /// An external-content FTS5 index over `articles.title` and `articles.body`.
    ///
    /// Hand-written triggers rather than GRDB's `synchronize(withTable:)` so that updates of
    /// other columns (the archive path) do not rewrite the index entry.
    private static func createSearch(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE article_fts USING fts5(
                    title, body,
                    content='articles', content_rowid='id',
                    tokenize='porter unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                END;
                CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles BEGIN
                    INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                    INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                """)
    }

    /// Files that hold several articles (feeds, mailboxes, JSON arrays, digests): each article
    /// names its `part`, and its `sha256` key is derived from the file's hash and the part, which
    /// `file_sha256` keeps (both null for a file of one article, whose key is the file's hash).
    private static func addArticleParts(_ db: Database) throws {
        try db.alter(table: "articles") { t in
            t.add(column: "part", .text)
            t.add(column: "file_sha256", .text)
        }
        try db.execute(
            sql: "CREATE INDEX articles_on_file_sha256 ON articles (file_sha256) WHERE file_sha256 IS NOT NULL")
    }

    /// Where the record's authors came from (`author_source`), so that a stored record reads back whole.
    private static func addAuthorSource(_ db: Database) throws {
        try db.alter(table: "articles") { t in t.add(column: "author_source", .text) }
    }

    /// `article_fts` again, with prefix indexes of two and three characters, so that `ec*` reads
    /// one doclist instead of merging those of every word starting so. FTS5 cannot add them to
    /// an existing table: it is made anew (same columns, tokenizer and triggers) and rebuilt
    /// from `articles`.
    private static func addSearchPrefixes(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER articles_fts_after_insert;
                DROP TRIGGER articles_fts_after_delete;
                DROP TRIGGER articles_fts_after_update;
                DROP TABLE article_fts;
                CREATE VIRTUAL TABLE article_fts USING fts5(
                    title, body,
                    content='articles', content_rowid='id',
                    tokenize='porter unicode61 remove_diacritics 2',
                    prefix='2 3'
                );
                CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                END;
                CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles BEGIN
                    INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                    INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                INSERT INTO article_fts(article_fts) VALUES ('rebuild');
                """)
    }

    /// Every name each entity is known under (canonical names, articles' names, aliases), each
    /// once, so that linking a new article looks a name up without scanning every article that
    /// ever used it.
    private static func createEntityNames(_ db: Database) throws {
        try db.create(table: "entity_names", options: .withoutRowID) { t in
            t.column("name", .text).notNull().collate(.nocase)
            t.column("entity_id", .integer).notNull().references("entities", onDelete: .cascade)
            t.primaryKey(["name", "entity_id"])
        }
        try db.create(index: "entity_names_on_entity_id", on: "entity_names", columns: ["entity_id"])
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO entity_names (name, entity_id)
                SELECT name, id FROM entities
                UNION SELECT name, entity_id FROM article_entities
                UNION SELECT alias, entity_id FROM entity_aliases
                """)
    }

    /// `entities.surname` for people, indexed, so that linking a new person finds the people with
    /// the same surname by an index seek instead of a scan of every person (`LIKE '% Brown'`).
    /// The surname is the last word of the lower-cased name split at spaces and periods, the rule
    /// of `PersonName.surname` at the time of this migration, written out here so that a later
    /// change to that type cannot change what this migration stored.
    private static func addPersonSurnames(_ db: Database) throws {
        try db.alter(table: "entities") { t in
            t.add(column: "surname", .text).collate(.nocase)
        }
        try db.execute(sql: "CREATE INDEX entities_on_surname ON entities(surname) WHERE surname IS NOT NULL")
        let people = try Row.fetchAll(db, sql: "SELECT id, name FROM entities WHERE type = 'PERSON'")
        let update = try db.makeStatement(sql: "UPDATE entities SET surname = ? WHERE id = ?")
        for person in people {
            let name: String = person["name"]
            let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "." })
            guard let last = words.last else { continue }
            try update.execute(arguments: [String(last), person["id"] as Int64])
        }
    }
}
