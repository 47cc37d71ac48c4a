import Foundation
import GazetteExtraction
import GazetteStore

/// The "people, organisations, places" section: the window's top names, their change against
/// the seven days before, a 14-day history, and the names seen for the first time.
struct NameTrends {
    static let types: [EntityType] = [.person, .organization, .location]
    static let topLimit = 15
    static let fallingLimit = 5
    static let firstSeenLimit = 20
    /// Days of history in each sparkline.
    static let days = 14

    let window: DigestWindow
    let calendar: Calendar

    /// One entity's presence in the window.
    struct WindowCount {
        var name: String
        var type: EntityType
        var mentions = 0
        var articles: Set<Int64> = []
        var firstSeenAt: Date
    }

    static func windowCounts(_ links: [DigestSlice.EntityLink]) -> [Int64: WindowCount] {
        var counts: [Int64: WindowCount] = [:]
        for link in links where types.contains(link.type) {
            // In place: a copy taken out and put back would copy the article set at every link.
            counts[link.entityID, default: WindowCount(name: link.name, type: link.type, firstSeenAt: link.firstSeenAt)]
                .mentions += link.mentions
            counts[link.entityID]!.articles.insert(link.articleID)
        }
        return counts
    }

    /// The most named entities, a surname alone left out when a fuller name gives it (``BareSurnames``).
    static func top(_ counts: [Int64: WindowCount]) -> [Int64] {
        let bare = bareSurnames(counts)
        return counts.filter { !bare.covers($0.value) }.sorted { a, b in
            (a.value.articles.count, a.value.mentions, b.value.name) > (
                b.value.articles.count, b.value.mentions, a.value.name
            )
        }.prefix(topLimit).map(\.key)
    }

    static func bareSurnames(_ counts: [Int64: WindowCount]) -> BareSurnames {
        BareSurnames(counts.values.filter { $0.type == .person }.map(\.name))
    }

    /// The first day of the sparkline and the start of the previous week: history is read from
    /// the earlier of the two.
    var historyStart: Date {
        min(sparklineDays.first ?? window.since, previousWeekStart)
    }

    var previousWeekStart: Date { window.since.addingTimeInterval(-7 * 86_400) }

    /// Local midnights of the 14 days ending with the day the window's last instant falls on.
    var sparklineDays: [Date] {
        let last = calendar.startOfDay(for: window.until.addingTimeInterval(-0.001))
        return (0..<Self.days).reversed().compactMap { calendar.date(byAdding: .day, value: -$0, to: last) }
    }

    func section(
        counts: [Int64: WindowCount], top: [Int64], previous: [DigestEntity], history: [Int64: [Date]]
    ) -> Digest.Names {
        let days = sparklineDays
        func daily(_ id: Int64) -> [Int] {
            var series = Array(repeating: 0, count: days.count)
            for time in history[id] ?? [] {
                if let index = days.lastIndex(where: { $0 <= time }), time < window.until { series[index] += 1 }
            }
            return series
        }
        func previousWeek(_ id: Int64) -> Int {
            (history[id] ?? []).filter { $0 >= previousWeekStart && $0 < window.since }.count
        }
        let trends = top.compactMap { id -> Digest.NameTrend? in
            guard let count = counts[id] else { return nil }
            let before = previousWeek(id)
            return Digest.NameTrend(
                name: count.name, type: count.type, mentions: count.mentions, articles: count.articles.count,
                previousWeek: before, change: change(now: count.articles.count, previousWeek: before), daily: daily(id))
        }
        let shown = Set(top)
        let falling = previous.filter { !shown.contains($0.id) }.compactMap { entity -> Digest.NameTrend? in
            let now = counts[entity.id]?.articles.count ?? 0
            guard change(now: now, previousWeek: entity.articles) == .falling else { return nil }
            return Digest.NameTrend(
                name: entity.name, type: entity.type, mentions: counts[entity.id]?.mentions ?? 0, articles: now,
                previousWeek: entity.articles, change: .falling, daily: daily(entity.id))
        }
        let bare = Self.bareSurnames(counts)
        let firstSeen = counts.values
            .filter { $0.firstSeenAt >= window.since && $0.firstSeenAt < window.until && !bare.covers($0) }
            .sorted { ($0.articles.count, $1.name) > ($1.articles.count, $0.name) }
            .prefix(Self.firstSeenLimit).map(\.name)
        return Digest.Names(top: trends, falling: Array(falling.prefix(Self.fallingLimit)), firstSeen: firstSeen)
    }

    /// Compares the window's article count with the previous week's, scaled to the window's length.
    func change(now: Int, previousWeek: Int) -> Digest.Change {
        guard previousWeek > 0 else { return .new }
        let expected = Double(previousWeek) / 7 * (window.duration / 86_400)
        if now >= 2, Double(now) >= 1.5 * expected + 1 { return .rising }
        if expected >= 1, Double(now) <= 0.5 * expected { return .falling }
        return .steady
    }
}

extension BareSurnames {
    /// Whether a person's count is under a surname alone that a fuller name gives.
    fileprivate func covers(_ count: NameTrends.WindowCount) -> Bool {
        count.type == .person && covers(count.name)
    }
}
