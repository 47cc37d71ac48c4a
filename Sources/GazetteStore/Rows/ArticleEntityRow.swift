import GRDB

/// A row of `article_entities`: one entity of one article's record, linked to the shared
/// entity. `name` is the canonical name as this article's record gave it.
struct ArticleEntityRow: IdentifiedStoreRow {
    static let databaseTableName = "article_entities"

    var id: Int64?
    var articleId: Int64
    var entityId: Int64
    var position: Int
    var name: String
}
