import Foundation
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

    func entityID(for entity: Entity, in rows: some IngestRows) throws -> Int64 {
        let type = entity.type.rawValue
        if let id = try rows.entityID(name: entity.name, type: type) { return id }
        let knownAs = try rows.entityIDs(knownAs: entity.name, type: type)
        let aliases = entity.aliases.filter { $0.caseInsensitiveCompare(entity.name) != .orderedSame }
        let namedByAlias = try rows.entityIDs(type: type, namedAnyOf: aliases)
        let surnameAlone = entity.type == .person && PersonName(entity.name).isSurnameAlone
        let candidates = surnameAlone ? [] : knownAs.union(namedByAlias)
        if candidates.count == 1, let id = candidates.first {
            if namedByAlias.contains(id), !knownAs.contains(id) {
                try adoptFullerName(entity.name, for: id, in: rows)
            }
            return id
        }
        if candidates.isEmpty, entity.type == .person, let id = try samePerson(entity.name, in: rows) {
            try adoptFullerName(entity.name, for: id, in: rows)
            return id
        }
        return try rows.insertEntity(name: entity.name, type: type, firstSeenAt: ingestedAt, articleID: articleID)
    }

    /// Whether the entity's roles go to the shared entity `id`. Not when a surname alone was
    /// linked to a fuller name: `Vice President Cheney` may be another Cheney than the one the
    /// store knows, and a role must follow the exact person.
    func takesRoles(of entity: Entity, linkedTo id: Int64, in rows: some IngestRows) throws -> Bool {
        guard entity.type == .person, PersonName(entity.name).isSurnameAlone else { return true }
        return try rows.entityName(id: id)?.caseInsensitiveCompare(entity.name) == .orderedSame
    }

    /// Step 4: the one stored person that `name` is a variant of, or nil when none or several.
    private func samePerson(_ name: String, in rows: some IngestRows) throws -> Int64? {
        let words = PersonName(name)
        guard let surname = words.surname else { return nil }
        let people = try rows.people(withSurname: surname).map { (id: $0.id, name: PersonName($0.name)) }
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
    private func adoptFullerName(_ name: String, for id: Int64, in rows: some IngestRows) throws {
        guard let current = try rows.entityName(id: id),
            name.count > current.count,
            name.localizedCaseInsensitiveContains(current) || PersonName(name).isVariant(of: PersonName(current))
        else { return }
        try rows.renameEntity(id: id, to: name)
        try rows.addEntityNames([name], entityID: id)
    }
}
