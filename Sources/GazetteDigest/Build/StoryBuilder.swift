import GazetteExtraction
import GazetteStore

/// Turns clusters of articles into ranked ``Digest/Story`` values.
struct StoryBuilder {
    /// Stories listed under "Top stories" in Markdown and HTML; the JSON lists every story.
    static let shown = 10

    let articles: [DigestSlice.Article]
    let links: [Int64: [DigestSlice.EntityLink]]

    func stories(clusters: [[Int]]) -> [Digest.Story] {
        let stories = clusters.map { story(for: $0.map { articles[$0] }) }
        return stories.enumerated().sorted { a, b in
            (a.element.sources, a.element.articleIDs.count, b.offset) > (
                b.element.sources, b.element.articleIDs.count, a.offset
            )
        }.map(\.element)
    }

    private func story(for members: [DigestSlice.Article]) -> Digest.Story {
        let entityArticles = Dictionary(grouping: members.flatMap { links[$0.id] ?? [] }, by: \.entityID)
        let representative = members.max { a, b in
            (centrality(a, entityArticles), a.title != nil ? 1 : 0, a.wordCount)
                < (centrality(b, entityArticles), b.title != nil ? 1 : 0, b.wordCount)
        }!
        let publications = Dictionary(grouping: members.compactMap(\.publication), by: { $0 })
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map(\.key)
        return Digest.Story(
            headline: DigestBuilder.title(of: representative),
            publications: publications,
            articleIDs: members.map(\.id),
            summary: summary(representative: representative, members: members),
            people: names(ofType: .person, in: entityArticles, limit: 4),
            places: names(ofType: .location, in: entityArticles, limit: 3),
            sources: publications.isEmpty ? members.count : publications.count)
    }

    /// How many of the cluster's articles share each of this article's entities.
    private func centrality(_ article: DigestSlice.Article, _ entityArticles: [Int64: [DigestSlice.EntityLink]]) -> Int
    {
        (links[article.id] ?? []).reduce(0) { $0 + (entityArticles[$1.entityID]?.count ?? 0) }
    }

    /// The representative's first three summary sentences, topped up from the other articles
    /// so that there are at least two when the cluster has them.
    private func summary(representative: DigestSlice.Article, members: [DigestSlice.Article]) -> [String] {
        var sentences = Array(representative.summary.prefix(3))
        for article in members where sentences.count < 2 && article.id != representative.id {
            if let first = article.summary.first, !sentences.contains(first) { sentences.append(first) }
        }
        return sentences
    }

    private func names(
        ofType type: EntityType, in entityArticles: [Int64: [DigestSlice.EntityLink]], limit: Int
    ) -> [String] {
        let named = entityArticles.values.compactMap { group -> (String, Int, Int)? in
            guard let first = group.first, first.type == type else { return nil }
            // A group lists its links article by article, so each article's run counts once.
            var articles = 0
            var previous: Int64?
            for link in group where link.articleID != previous {
                articles += 1
                previous = link.articleID
            }
            return (first.name, articles, group.reduce(0) { $0 + $1.mentions })
        }
        let bare = BareSurnames(type == .person ? named.map(\.0) : [])
        return named.filter { !bare.covers($0.0) }
            .sorted { ($0.1, $0.2, $1.0) > ($1.1, $1.2, $0.0) }
            .prefix(limit).map(\.0)
    }
}
