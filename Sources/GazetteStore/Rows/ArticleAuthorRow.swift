import GRDB

/// A row of `article_authors`: the article's `position`-th byline author.
struct ArticleAuthorRow: StoreRow {
    static let databaseTableName = "article_authors"

    var articleId: Int64
    var authorId: Int64
    var position: Int
}
