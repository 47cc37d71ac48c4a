import Foundation
import GRDB
import GazetteExtraction

/// Finds or creates the shared `entities` row for one entity of an article's record.
///
/// Linking across articles, in order:
/// 1. the same canonical name and type (case-insensitive);
/// 2. otherwise an entity of the same type known under the record's canonical name (as an
///    alias, or as another article's name for it): an article's `Putin` joins `Vladimir Putin`;
/// 3. otherwise an entity of the same type whose canonical name is one of the record's aliases:
///    an earlier bare `Putin` joins this article's `Vladimir Putin` and takes the fuller name.
///
/// 4. otherwise, for a person, the one person whose name is the same name with more or fewer
///    middle names or initials (`Owen Dempsey`, `Owen John Dempsey`, `Owen J. Dempsey`), or a
///    surname alone and the one person with that surname (`Brown`, `Gordon Brown`, either way
///    round); the fuller name is kept.
///
/// Sharing only an alias is not enough (`Boris Johnson` and `Mike Johnson` both say `Johnson`),
/// and when steps 2–4 find several entities the name is ambiguous and a new entity is made.
/// A person named by a surname alone skips steps 2–3: another article's `Cheney` alias of
/// `Mary Cheney` says nothing about this article's `Cheney`; only step 4, which sees every
/// full name with that surname, links it.
struct EntityLinker {
    let articleID: Int64
    let ingestedAt: String

    func entityID(for entity: Entity, in db: Database) throws -> Int64 {
        let type = entity.type.rawValue
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM entities WHERE name = ? AND type = ?"),
            arguments: [entity.name, type])
        {
            return id
        }
        // CROSS JOIN keeps `entity_names` the outer loop: without statistics SQLite would rather
        // walk every entity of the type and probe `entity_names` for each.
        let knownAs = try Int64.fetchSet(
            db.cachedStatement(
                sql: """
                    SELECT entity_id FROM entity_names CROSS JOIN entities ON entities.id = entity_id
                     WHERE entity_names.name = ? AND type = ?
                    """), arguments: [entity.name, type])
        let aliases = entity.aliases.filter { $0.caseInsensitiveCompare(entity.name) != .orderedSame }
        var namedByAlias: Set<Int64> = []
        if !aliases.isEmpty {
            let placeholders = databaseQuestionMarks(count: aliases.count)
            namedByAlias = try Int64.fetchSet(
                db,
                sql: "SELECT id FROM entities WHERE type = ? AND name IN (\(placeholders))",
                arguments: StatementArguments([type] + aliases))
        }
        let surnameAlone = entity.type == .person && PersonName(entity.name).isSurnameAlone
        let candidates = surnameAlone ? [] : knownAs.union(namedByAlias)
        if candidates.count == 1, let id = candidates.first {
            if namedByAlias.contains(id), !knownAs.contains(id) {
                try adoptFullerName(entity.name, for: id, in: db)
            }
            return id
        }
        if candidates.isEmpty, entity.type == .person, let id = try samePerson(entity.name, in: db) {
            try adoptFullerName(entity.name, for: id, in: db)
            return id
        }
        try db.cachedStatement(
            sql: "INSERT INTO entities (name, type, first_seen_at, first_article_id, surname) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [
            entity.name, type, ingestedAt, articleID, Self.surname(of: entity.name, type: entity.type),
        ])
        return db.lastInsertedRowID
    }

    /// Whether the entity's roles go to the shared entity `id`. Not when a surname alone was
    /// linked to a fuller name: `Vice President Cheney` may be another Cheney than the one the
    /// store knows, and a role must follow the exact person.
    func takesRoles(of entity: Entity, linkedTo id: Int64, in db: Database) throws -> Bool {
        guard entity.type == .person, PersonName(entity.name).isSurnameAlone else { return true }
        let name = try String.fetchOne(
            db.cachedStatement(sql: "SELECT name FROM entities WHERE id = ?"), arguments: [id])
        return name?.caseInsensitiveCompare(entity.name) == .orderedSame
    }

    /// Records that the entity is known under the record's name and aliases.
    func remember(_ entity: Entity, as id: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO entity_names (name, entity_id) VALUES (?, ?)")
        for name in [entity.name] + entity.aliases {
            try statement.execute(arguments: [name, id])
        }
    }

    /// `entities.surname`: the surname of a person's name, nil for every other type.
    static func surname(of name: String, type: EntityType) -> String? {
        type == .person ? PersonName(name).surname : nil
    }

    /// Step 4: the one stored person that `name` is a variant of, or nil when none or several.
    private func samePerson(_ name: String, in db: Database) throws -> Int64? {
        let words = PersonName(name)
        guard let surname = words.surname else { return nil }
        let sameSurname = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, name FROM entities WHERE surname = ? AND type = 'PERSON'"),
            arguments: [surname])
        let people = sameSurname.map { (id: $0["id"] as Int64, name: PersonName($0["name"] as String)) }
        // A bare surname is ambiguous as soon as two full names share it.
        let full = people.filter { !$0.name.isSurnameAlone }
        if words.isSurnameAlone { return full.count == 1 ? full[0].id : nil }
        let variants = full.filter { $0.name.isVariant(of: words) }
        if !variants.isEmpty { return variants.count == 1 ? variants[0].id : nil }
        let bare = people.filter(\.name.isSurnameAlone)
        return full.isEmpty && bare.count == 1 ? bare[0].id : nil
    }

    /// Renames a shared entity to a longer canonical form of the same name (`Gordon Brown` for
    /// `Brown`, `Owen John Dempsey` for `Owen Dempsey`).
    private func adoptFullerName(_ name: String, for id: Int64, in db: Database) throws {
        guard let current = try String.fetchOne(db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [id]),
            name.count > current.count,
            name.localizedCaseInsensitiveContains(current) || PersonName(name).isVariant(of: PersonName(current))
        else { return }
        try db.execute(
            sql: "UPDATE entities SET name = ?, surname = CASE type WHEN 'PERSON' THEN ? END WHERE id = ?",
            arguments: [name, PersonName(name).surname, id])
        try db.execute(
            sql: "INSERT OR IGNORE INTO entity_names (name, entity_id) VALUES (?, ?)", arguments: [name, id])
    }
}
