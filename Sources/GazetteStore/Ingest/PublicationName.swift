import GRDB

/// Publications are one whatever the case and a leading article: `The Guardian`, `the
/// Guardian` and `guardian` name one publication.
package enum PublicationName {
    /// The spellings a publication row may have for `name`: lower case, with and without `the `
    /// (compared with the row's `lower(name)`).
    package static func keys(_ name: String) -> [String] {
        var key = name.trimmingPrefix(while: \.isWhitespace).lowercased()
        while key.last?.isWhitespace == true { key.removeLast() }
        if key.hasPrefix("the ") { key = String(key.dropFirst(4).drop(while: \.isWhitespace)) }
        return [key, "the " + key]
    }

    /// The SQL condition on `publications` for rows that are the publication `name`.
    static func condition(_ name: String) -> SQL {
        let keys = keys(name)
        return "lower(name) IN (\(keys[0]), \(keys[1]))"
    }

    /// The id of the publication `name`, inserted under this spelling if missing.
    static func id(_ name: String, in db: Database) throws -> Int64 {
        let known: SQLRequest<Int64> = "SELECT id FROM publications WHERE \(condition(name)) ORDER BY id LIMIT 1"
        if let id = try known.fetchOne(db) { return id }
        try db.execute(sql: "INSERT INTO publications (name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }
}
