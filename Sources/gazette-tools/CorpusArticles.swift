import Foundation
import GazetteExtraction
import GazetteStore

/// Articles assembled from the sentences of real ones, for `synth-store --corpus DIR`: each
/// corpus file is extracted once by the pipeline and cut into sentences that carry their
/// entities, quotes, amounts and dates; an article is 400–600 words of such sentences, so its
/// vocabulary, names and facts are those of real news.
///
/// About half of a day's articles tell one of its dozen stories: they open with sentences of the
/// story's lead (a corpus article's first paragraphs) under its headline or one of their own,
/// and one in ten is a wire copy of the story's first article (a SimHash a few bits away). The
/// others open with another corpus article's first sentence and go on with sentences from anywhere.
struct CorpusArticles: ArticleGenerator {
    private struct Sentence {
        var text: String
        var scalars: Int
        var words: Int
        var source: Int
        /// Facts whose spans lie inside the sentence, spans counted from its start.
        var mentions: [(name: String, type: EntityType, roles: [String], span: Span)] = []
        var quotes: [Quote] = []
        var amounts: [Amount] = []
        var dates: [DateMention] = []
    }

    private struct Source {
        var title: String
        /// Indexes into `sentences` of the first two paragraphs.
        var lead: [Int]
        var keyphrases: [Keyphrase]
    }

    private struct Story {
        var source: Int
        var simhash: UInt64
        /// The sentences of the story's first article, which wire copies repeat.
        var wire: [[Int]]?
        var wireTitle: String?
    }

    private var random: SplitMix64
    private let sentences: [Sentence]
    private let sources: [Source]
    private var stories: (day: Int, list: [Story]) = (-1, [])

    /// Extracts every `.txt`, `.md` and `.html` file under `folder`.
    init(folder: String, seed: UInt64) throws {
        random = SplitMix64(seed: seed)
        let extractor = Extractor()
        var sentences: [Sentence] = []
        var sources: [Source] = []
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.sorted() ?? []
        for file in files where ["txt", "md", "html"].contains(URL(fileURLWithPath: file).pathExtension) {
            let path = folder + "/" + file
            guard let bytes = FileManager.default.contents(atPath: path),
                let record = try? extractor.extract(
                    SourceDocument(path: path, bytes: Array(bytes), modified: Date()), options: ExtractionOptions()),
                record.language == "en", let title = record.title
            else { continue }
            let first = sentences.count
            let (cut, lead) = Self.sentences(of: record, source: sources.count)
            guard cut.count >= 3 else { continue }
            sentences += cut
            sources.append(
                Source(title: title, lead: lead.map { $0 + first }, keyphrases: Array(record.keyphrases.prefix(5))))
        }
        guard sources.count >= 20 else {
            throw GeneratorError("Fewer than 20 English articles with a title in \(folder).")
        }
        self.sentences = sentences
        self.sources = sources
    }

    mutating func article(index: Int, at date: Date) -> NewArticle {
        let day = Int(date.timeIntervalSince1970 / 86_400)
        if stories.day != day {
            stories = (day, (0..<12).map { _ in Story(source: pick(sources.count), simhash: random.next()) })
        }
        var paragraphs: [[Int]]
        var title: String
        var keyphrases: [Keyphrase]
        var simhash = random.next()
        if random.next() % 2 == 0 {
            let number = Zipf.storyIndex(random.next(), count: stories.list.count)
            let story = stories.list[number]
            let source = sources[story.source]
            keyphrases = source.keyphrases
            if let wire = story.wire, let wireTitle = story.wireTitle, random.next() % 10 == 0 {
                paragraphs = wire
                title = wireTitle
                simhash = story.simhash ^ (random.next() & random.next() & random.next() & 0xFFF)
            } else {
                // Two or three of the lead's sentences, in order, then sentences of its own.
                let lead = source.lead.filter { _ in random.next() % 3 != 0 }.prefix(3)
                paragraphs = [Array(lead.isEmpty ? source.lead.prefix(2) : lead)]
                title = random.next() % 2 == 0 ? source.title : headline(from: paragraphs[0][0])
                fill(&paragraphs)
                if story.wire == nil {
                    stories.list[number].wire = paragraphs
                    stories.list[number].wireTitle = title
                    simhash = story.simhash
                }
            }
        } else {
            let opening = sources[pick(sources.count)].lead[0]
            paragraphs = [[opening]]
            title = headline(from: opening)
            keyphrases = sources[sentences[opening].source].keyphrases
            fill(&paragraphs)
        }
        return assemble(
            index: index, at: date, title: title, paragraphs: paragraphs, keyphrases: keyphrases, simhash: simhash)
    }

    /// Adds sentences from anywhere, two to four a paragraph, until the article has 400–600 words.
    private mutating func fill(_ paragraphs: inout [[Int]]) {
        let target = 400 + pick(201)
        var words = paragraphs.joined().reduce(0) { $0 + sentences[$1].words }
        while words < target {
            let sentence = pick(sentences.count)
            if paragraphs[paragraphs.count - 1].count >= 2 + pick(3) { paragraphs.append([]) }
            paragraphs[paragraphs.count - 1].append(sentence)
            words += sentences[sentence].words
        }
    }

    /// A headline of the first eight words or so of a sentence.
    private mutating func headline(from sentence: Int) -> String {
        let words = sentences[sentence].text.split(separator: " ").prefix(6 + pick(5))
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:\"“”"))
    }

    private mutating func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }

    private mutating func assemble(
        index: Int, at date: Date, title: String, paragraphs: [[Int]], keyphrases: [Keyphrase], simhash: UInt64
    ) -> NewArticle {
        var body = ""
        var offset = 0
        var entities: [String: Entity] = [:]
        var order: [String] = []
        var record = ExtractionRecord(
            source: .init(
                path: "inbox/corpus-\(index).txt", sha256: String(format: "%016llx", UInt64(index)), format: .text,
                encoding: "utf-8", bytes: 0))
        for (number, paragraph) in paragraphs.enumerated() {
            for (position, sentenceIndex) in paragraph.enumerated() {
                if position > 0 {
                    body += " "
                    offset += 1
                } else if number > 0 {
                    body += "\n\n"
                    offset += 2
                }
                let sentence = sentences[sentenceIndex]
                body += sentence.text
                for mention in sentence.mentions {
                    let key = mention.type.rawValue + "\u{1}" + mention.name
                    var entity =
                        entities[key] ?? Entity(name: mention.name, type: mention.type, roles: mention.roles)
                    if entities[key] == nil { order.append(key) }
                    entity.mentions.append(Span(start: mention.span.start + offset, end: mention.span.end + offset))
                    entities[key] = entity
                }
                for var quote in sentence.quotes {
                    quote.start += offset
                    quote.end += offset
                    record.quotes.append(quote)
                }
                for var amount in sentence.amounts {
                    amount.start += offset
                    amount.end += offset
                    record.amounts.append(amount)
                }
                for var mention in sentence.dates {
                    mention.start += offset
                    mention.end += offset
                    record.dates.append(mention)
                }
                offset += sentence.scalars
            }
        }
        let hash = String(format: "%016llx%016llx", UInt64(index), random.next())
        record.source.sha256 = hash + String(repeating: "0", count: 32)
        record.source.bytes = body.utf8.count
        record.title = title
        record.authors = [SyntheticArticles.authors[pick(SyntheticArticles.authors.count)]]
        record.publication = SyntheticArticles.publications[pick(SyntheticArticles.publications.count)]
        record.publishedAt = ISOText.timestamp(date)
        record.publishedSource = .metadata
        record.body = body
        record.wordCount = paragraphs.joined().reduce(0) { $0 + sentences[$1].words }
        record.entities = order.map { entities[$0]! }
        record.keyphrases = keyphrases
        record.summary = paragraphs.joined().prefix(2).map { sentences[$0].text }
        record.simhash = String(format: "%016llx", simhash)
        return NewArticle(
            record: record, raw: Array(body.utf8.prefix(64)), receivedPath: record.source.path, receivedAt: date)
    }

    /// The record's sentences (cut at `.`, `?` or `!` before a space, and at paragraph ends) with
    /// the facts inside each, and which of them make up its first two paragraphs.
    private static func sentences(of record: ExtractionRecord, source: Int) -> ([Sentence], [Int]) {
        let scalars = Array(record.body.unicodeScalars)
        var ranges: [Range<Int>] = []
        var leadEnd = 0
        var paragraph = 0
        var start = 0
        var index = 0
        func close(_ end: Int) {
            var from = start
            while from < end, scalars[from].properties.isWhitespace { from += 1 }
            if end > from { ranges.append(from..<end) }
            start = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                close(index)
                if index + 1 < scalars.count, scalars[index + 1] == "\n" {
                    paragraph += 1
                    if paragraph == 2 { leadEnd = ranges.count }
                }
            } else if ".?!".unicodeScalars.contains(scalar), index + 1 < scalars.count, scalars[index + 1] == " " {
                close(index + 1)
            }
            index += 1
        }
        close(scalars.count)
        if leadEnd == 0 { leadEnd = min(ranges.count, 3) }
        let cut = ranges.map { range -> Sentence in
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[range])
            let string = String(text)
            var sentence = Sentence(
                text: string, scalars: range.count, words: string.split(separator: " ").count, source: source)
            for entity in record.entities {
                for span in entity.mentions where range.contains(span.start) && span.end <= range.upperBound {
                    sentence.mentions.append(
                        (
                            entity.name, entity.type, entity.roles,
                            Span(start: span.start - range.lowerBound, end: span.end - range.lowerBound)
                        ))
                }
            }
            for var quote in record.quotes where range.contains(quote.start) && quote.end <= range.upperBound {
                quote.start -= range.lowerBound
                quote.end -= range.lowerBound
                sentence.quotes.append(quote)
            }
            for var amount in record.amounts where range.contains(amount.start) && amount.end <= range.upperBound {
                amount.start -= range.lowerBound
                amount.end -= range.lowerBound
                sentence.amounts.append(amount)
            }
            for var mention in record.dates where range.contains(mention.start) && mention.end <= range.upperBound {
                mention.start -= range.lowerBound
                mention.end -= range.lowerBound
                sentence.dates.append(mention)
            }
            return sentence
        }
        return (cut, Array(0..<max(1, leadEnd)))
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
