import ArgumentParser
import Foundation
import GazetteExtraction
import GazetteStore

/// `gazette-tools synth-store`: fills a new database with synthetic articles for benchmarks.
///
/// Articles are spread evenly over `--days` ending now and stored directly (`ingest(batch:)`),
/// not through the pipeline. By default they are short texts from small pools: names and
/// keyphrases follow Zipf distributions, and about half of each day's articles belong to one of
/// the day's stories, which share people, places, keyphrases and near-identical SimHashes. With
/// `--corpus DIR` they are 400–600 words of real sentences (``CorpusArticles``).
struct SyntheticStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth-store",
        abstract: "Generate a synthetic Gazette database for benchmarks (realistic name and keyphrase distributions).")

    @Option(help: "Number of articles.")
    var articles = 10_000

    @Option(help: "Days the articles are spread over, ending now.")
    var days = 365

    @Option(help: "Database file to create (must not exist).")
    var out: String

    @Option(help: "Random seed.")
    var seed: UInt64 = 7

    @Option(help: "Articles per transaction.")
    var batch = 2_000

    @Option(
        help:
            "Assemble 400–600-word articles from the sentences of the articles in this folder (e.g. ../shared/corpus/text/dev), read when run."
    )
    var corpus: String?

    func validate() throws {
        if articles < 1 { throw ValidationError("--articles must be at least 1.") }
        if days < 1 { throw ValidationError("--days must be at least 1.") }
        if FileManager.default.fileExists(atPath: out) {
            throw ValidationError("\(out) already exists; name a new file.")
        }
    }

    func run() throws {
        let loadStart = ContinuousClock.now
        var generator: any ArticleGenerator =
            if let corpus { try CorpusArticles(folder: corpus, seed: seed) } else { SyntheticArticles(seed: seed) }
        if corpus != nil { print("read the corpus in \(ContinuousClock.now - loadStart)") }
        let database = try GazetteDatabase(path: out)
        let end = Date()
        let span = Double(days) * 86_400
        let started = ContinuousClock.now
        var pending: [(article: NewArticle, ingestedAt: Date)] = []
        for index in 0..<articles {
            let ingestedAt = end.addingTimeInterval(-span + span * (Double(index) + 0.5) / Double(articles))
            pending.append((generator.article(index: index, at: ingestedAt), ingestedAt))
            if pending.count == batch || index == articles - 1 {
                try database.ingest(batch: pending)
                pending.removeAll(keepingCapacity: true)
                if (index + 1) % 50_000 < batch {
                    print("\(index + 1) articles, \(ContinuousClock.now - started)")
                }
            }
        }
        print("wrote \(articles) articles to \(out) in \(ContinuousClock.now - started)")
    }
}

/// Makes the articles of a synthetic store, one at a time, deterministically from its seed.
protocol ArticleGenerator {
    mutating func article(index: Int, at date: Date) -> NewArticle
}

/// A deterministic generator of plausible articles.
struct SyntheticArticles: ArticleGenerator {
    private var random: SplitMix64
    private let people: [String]
    private let organisations: [String]
    private let places: [String]
    private let phrases: [String]
    private let personZipf: Zipf
    private let organisationZipf: Zipf
    private let placeZipf: Zipf
    private let phraseZipf: Zipf
    private var story: (day: Int, stories: [Story]) = (-1, [])

    private struct Story {
        var people: [String]
        var organisation: String
        var place: String
        var phrases: [String]
        var simhash: UInt64
        var headline: String
    }

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        let stems = [
            "North", "Atlan", "Vel", "Kor", "Mira", "Tal", "Bren", "Sol", "Ost", "Lum", "Dar", "Fen", "Gal", "Hav",
            "Ister", "Jor", "Kal", "Lor", "Mer", "Nor",
        ]
        let ends = ["ia", "ton", "burg", "stad", "ford", "ville", "mouth", "grad", "polis", "field"]
        let kinds = [
            "Bank", "Group", "Ministry", "Council", "Institute", "Motors", "Energy", "Union", "Party", "Agency",
        ]
        let nouns = [
            "budget", "tariff", "election", "strike", "merger", "ceasefire", "drought", "pension", "vaccine",
            "housing", "interest rate", "trade deal", "summit", "wildfire", "court ruling", "oil price",
            "chip plant", "railway", "data breach", "minimum wage", "carbon tax", "border", "harvest", "bond yield",
        ]
        let adjectives = [
            "new", "national", "emergency", "regional", "annual", "proposed", "record", "disputed", "global",
            "local", "federal", "rising", "delayed", "surprise", "long-term",
        ]
        people = Self.people
        places = stems.flatMap { s in ends.map { s + $0 } }
        organisations = places.prefix(60).flatMap { p in kinds.map { "\(p) \($0)" } }
        phrases = adjectives.flatMap { a in nouns.map { "\(a) \($0)" } }
        personZipf = Zipf(count: people.count)
        organisationZipf = Zipf(count: organisations.count)
        placeZipf = Zipf(count: places.count)
        phraseZipf = Zipf(count: phrases.count)
    }

    /// Publications and authors, shared with ``CorpusArticles``.
    static let publications = [
        "The Daily Ledger", "Morning Post", "Evening Star", "Wire Service", "The Courier", "Metro Times",
        "Harbour News", "The Observer Weekly", "Capital Gazette", "Northern Echo", "Business Standard",
        "Global Report", "City Chronicle", "The Sentinel", "Valley Herald", "Coastal Mail", "Tribune",
        "The Monitor", "Financial Review", "The Dispatch", "Press Agency", "Independent Voice",
        "Sunday Review", "Market Watch", "The Bulletin", "Regional Record", "The Examiner", "Daily Mirror Line",
        "The Journal", "News Network",
    ]
    /// Full names, given × family.
    static let people = [
        "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal", "Keiko", "Luis",
        "Maria", "Nikolai", "Olga", "Pedro", "Qing", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Yusuf",
    ].flatMap { given in
        [
            "Abbott", "Baker", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanov", "Jensen",
            "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
            "Ueda", "Varga", "Weber", "Xu", "Young", "Zielinski", "Hartmann", "Olsen", "Brennan", "Mbeki",
        ].map { "\(given) \($0)" }
    }
    static let authors = Array(people.suffix(500))

    mutating func article(index: Int, at date: Date) -> NewArticle {
        let day = Int(date.timeIntervalSince1970 / 86_400)
        if story.day != day {
            story = (day, (0..<12).map { _ in makeStory() })
        }
        let inStory = random.next() % 2 == 0
        let subject = inStory ? story.stories[Zipf.storyIndex(random.next(), count: story.stories.count)] : makeStory()
        var body = BodyBuilder()
        var entities: [String: Entity] = [:]
        func mention(_ name: String, _ type: EntityType, role: String? = nil) {
            let span = body.append(name)
            var entity = entities[name] ?? Entity(name: name, type: type, roles: role.map { [$0] } ?? [])
            entity.mentions.append(span)
            entities[name] = entity
        }
        let person = subject.people[0]
        let other = subject.people[1]
        mention(person, .person, role: "minister")
        body.append(" of the ")
        mention(subject.organisation, .organization)
        body.append(" spoke in ")
        mention(subject.place, .location)
        body.append(" about the \(subject.phrases[0]) and the \(subject.phrases[1]). ")
        mention(other, .person)
        body.append(" said: “")
        let quoteText = "We will not accept a \(subject.phrases[0]) that leaves \(subject.place) behind this year"
        let quoteSpan = body.append(quoteText)
        body.append(".” ")
        let money = Double(1 + random.next() % 900)
        let moneyText = "$\(Int(money)) million"
        body.append("The plan would cost ")
        let moneySpan = body.append(moneyText)
        body.append(", and prices rose ")
        let percent = Double(random.next() % 90) / 10
        let percentText = "\(percent) percent"
        let percentSpan = body.append(percentText)
        body.append(". A vote is scheduled for ")
        let ahead = date.addingTimeInterval(Double(2 + random.next() % 20) * 86_400)
        let aheadValue = String(ISOText.timestamp(ahead).prefix(10))
        let dateSpan = body.append(aheadValue)
        body.append(". ")
        mention(people[personZipf.sample(random.next())], .person)
        body.append(" and ")
        mention(places[placeZipf.sample(random.next())], .location)
        body.append(" were also named.")

        let sha = String(format: "%016llx%016llx", UInt64(index), random.next())
        var record = ExtractionRecord(
            source: .init(
                path: "inbox/synthetic-\(index).txt", sha256: sha + String(repeating: "0", count: 32), format: .text,
                encoding: "utf-8", bytes: body.text.utf8.count))
        record.title = inStory ? subject.headline : "\(person) on \(subject.phrases[0]) in \(subject.place)"
        record.authors = [Self.authors[Int(random.next() % UInt64(Self.authors.count))]]
        record.publication = Self.publications[Int(random.next() % UInt64(Self.publications.count))]
        record.publishedAt = ISOText.timestamp(date)
        record.body = body.text
        record.wordCount = body.text.split(separator: " ").count
        record.entities = Array(entities.values).sorted { $0.mentions[0] < $1.mentions[0] }
        record.quotes = [
            Quote(text: quoteText, speaker: other, kind: .direct, start: quoteSpan.start, end: quoteSpan.end)
        ]
        record.amounts = [
            Amount(
                text: moneyText, value: money * 1_000_000, currency: "USD", unit: nil, start: moneySpan.start,
                end: moneySpan.end),
            Amount(
                text: percentText, value: percent, currency: nil, unit: "percent", start: percentSpan.start,
                end: percentSpan.end),
        ]
        record.dates = [
            DateMention(
                text: aheadValue, value: aheadValue, granularity: .day, start: dateSpan.start, end: dateSpan.end)
        ]
        record.keyphrases =
            subject.phrases.enumerated().map { Keyphrase(text: $1, score: 1 / Double($0 + 1)) }
            + [Keyphrase(text: phrases[phraseZipf.sample(random.next())], score: 0.2)]
        record.summary = [
            "\(person) of the \(subject.organisation) spoke in \(subject.place) about the \(subject.phrases[0]).",
            "\(other) said the plan would cost \(moneyText).",
        ]
        let noise = random.next() & random.next() & random.next() & 0x0000_0000_0000_0FFF
        record.simhash = String(format: "%016llx", (inStory ? subject.simhash : random.next()) ^ noise)
        return NewArticle(
            record: record, raw: Array(body.text.utf8.prefix(64)), receivedPath: record.source.path, receivedAt: date)
    }

    private mutating func makeStory() -> Story {
        let people = [self.people[personZipf.sample(random.next())], self.people[personZipf.sample(random.next())]]
        let place = places[placeZipf.sample(random.next())]
        let phrases = [self.phrases[phraseZipf.sample(random.next())], self.phrases[phraseZipf.sample(random.next())]]
        return Story(
            people: people, organisation: organisations[organisationZipf.sample(random.next())], place: place,
            phrases: phrases, simhash: random.next(), headline: "\(place) faces \(phrases[0]) as \(people[0]) weighs in"
        )
    }
}

/// Article text with the Unicode scalar span of each appended piece.
private struct BodyBuilder {
    var text = ""
    var scalars = 0

    @discardableResult
    mutating func append(_ piece: String) -> Span {
        let start = scalars
        text += piece
        scalars += piece.unicodeScalars.count
        return Span(start: start, end: scalars)
    }
}

/// Zipf-distributed ranks `0..<count` (exponent 1.07), sampled from a uniform 64-bit value.
struct Zipf {
    private let cumulative: [Double]

    init(count: Int, exponent: Double = 1.07) {
        var total = 0.0
        cumulative = (1...count).map { rank in
            total += 1 / pow(Double(rank), exponent)
            return total
        }
    }

    func sample(_ uniform: UInt64) -> Int {
        let target = Double(uniform >> 11) / Double(1 << 53) * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A day's stories are not equally big: the first carries the most articles.
    static func storyIndex(_ uniform: UInt64, count: Int) -> Int {
        let u = Double(uniform >> 11) / Double(1 << 53)
        return min(count - 1, Int(Double(count) * u * u * u))
    }
}

/// ISO-8601 UTC timestamps by arithmetic: a formatter per article cost a quarter of the generator's time.
enum ISOText {
    /// `2026-12-03T17:41:22Z`.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let civil = CivilDate(date)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, time / 3600, time % 3600 / 60, time % 60)
    }
}
