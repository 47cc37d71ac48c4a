import Foundation
import GazetteStore

/// Picks the quotes, numbers and dates ahead worth a reader's time.
struct FactSelector {
    static let speakerLimit = 8
    static let quotesPerSpeaker = 2
    static let numberLimit = 12
    static let calendarDayLimit = 10
    static let eventsPerDay = 3

    let articles: [Int64: DigestSlice.Article]
    let links: [Int64: [DigestSlice.EntityLink]]
    let window: DigestWindow
    let calendar: Calendar

    // MARK: Who said what

    /// Direct quotes with a speaker, the strongest per speaker, copies in syndicated articles once.
    func speakers(_ quotes: [DigestSlice.Quote]) -> [Digest.Speaker] {
        var seen: Set<String> = []
        var bySpeaker: [String: [(score: Int, quote: DigestSlice.Quote)]] = [:]
        for quote in quotes {
            guard let speaker = quote.speaker, !speaker.isEmpty else { continue }
            let score = Self.strength(quote.text)
            guard score > 0, seen.insert(Self.comparable(quote.text)).inserted else { continue }
            bySpeaker[speaker, default: []].append((score, quote))
        }
        let ranked = bySpeaker.map { name, quotes in
            (name: name, quotes: quotes.sorted { $0.score > $1.score }, total: quotes.reduce(0) { $0 + $1.score })
        }.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
        return ranked.prefix(Self.speakerLimit).map { speaker in
            let best = speaker.quotes.prefix(Self.quotesPerSpeaker).map(\.quote)
            return Digest.Speaker(
                name: speaker.name,
                role: role(of: best.first?.speakerEntityID, in: speaker.quotes.map(\.quote.articleID)),
                quotes: best.map { quote in
                    let article = articles[quote.articleID]
                    return Digest.Quotation(
                        text: quote.text, articleID: quote.articleID, publication: article?.publication,
                        title: article.map(DigestBuilder.title))
                })
        }
    }

    /// A quote's words in lower case, without punctuation: the same quote carried by two outlets
    /// (one ending with a comma, one with a full stop; straight or curly apostrophes) counts once.
    static func comparable(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// Longer quotes say more, up to about forty words; fragments under five words say little.
    static func strength(_ text: String) -> Int {
        let words = text.split(whereSeparator: \.isWhitespace).count
        guard words >= 5 else { return 0 }
        return words <= 40 ? words : max(1, 80 - words)
    }

    /// The role the speaker's articles give most often.
    private func role(of entityID: Int64?, in articleIDs: [Int64]) -> String? {
        guard let entityID else { return nil }
        let roles = articleIDs.flatMap { links[$0] ?? [] }.filter { $0.entityID == entityID }.flatMap(\.roles)
        return Dictionary(grouping: roles, by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
    }

    // MARK: Numbers

    /// Money first (largest first), then other amounts with a unit; bare counts are left out.
    func numbers(_ amounts: [DigestSlice.Amount]) -> [Digest.Number] {
        var seen: Set<String> = []
        let kept = amounts.filter {
            ($0.currency != nil || $0.unit != nil) && seen.insert($0.text + "\u{1}" + $0.context.before).inserted
        }
        let ranked = kept.sorted { a, b in
            if (a.currency != nil) != (b.currency != nil) { return a.currency != nil }
            return a.value > b.value
        }
        return ranked.prefix(Self.numberLimit).map { amount in
            Digest.Number(
                text: amount.text, value: amount.value, currency: amount.currency, unit: amount.unit,
                context: ContextSentence.around(
                    before: amount.context.before, span: amount.text, after: amount.context.after),
                articleID: amount.articleID, publication: articles[amount.articleID]?.publication)
        }
    }

    // MARK: Dates ahead

    /// Dates after the window's last day, as days of a calendar, nearest first. Articles that
    /// gave no publication date are left out: their "Tuesday" and "next week" were resolved
    /// against the day the file arrived, a guess.
    func calendarDays(_ dates: [DigestSlice.DateMention]) -> [Digest.CalendarDay] {
        let lastDay = Self.dayString(window.until.addingTimeInterval(-0.001), calendar)
        var days: [String: [Digest.Event]] = [:]
        var seen: Set<String> = []
        for date in dates {
            guard articles[date.articleID]?.isDated == true, let (day, time) = localDay(date), day > lastDay,
                seen.insert(day + (time ?? "") + date.text.lowercased()).inserted
            else { continue }
            days[day, default: []].append(
                Digest.Event(
                    text: date.text, time: time,
                    context: ContextSentence.around(
                        before: date.context.before, span: date.text, after: date.context.after),
                    articleID: date.articleID, publication: articles[date.articleID]?.publication))
        }
        return days.keys.sorted().prefix(Self.calendarDayLimit).map { day in
            Digest.CalendarDay(
                date: day,
                events: Array(days[day]!.sorted { ($0.time ?? "") < ($1.time ?? "") }.prefix(Self.eventsPerDay)))
        }
    }

    /// The local day and time of a mention: `YYYY-MM-DD` as written, or a timestamp shown in the digest's zone.
    private func localDay(_ date: DigestSlice.DateMention) -> (String, String?)? {
        if date.granularity == "day" {
            return date.value.count == 10 ? (date.value, nil) : nil
        }
        guard let instant = ISOTimestamp.date(date.value) else { return nil }
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return (Self.dayString(instant, calendar), String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0))
    }

    static func dayString(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
