import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteExtraction
import GazetteStore

/// `gazette show`: one stored article.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one stored article: what was extracted and where it came from.",
        discussion:
            "With --json it prints the extraction record exactly as `gazette extract` does, with one more key, `stored`, holding the id, intake times, paths and duplicate sightings."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the record as one JSON object.")
    var json = false

    @Flag(help: "Also print the full article text.")
    var body = false

    @Argument(help: ArgumentHelp("The article's id, as search and the other listings show it.", valueName: "ID"))
    var id: Int64

    func run() async throws {
        let configuration = try await global.resolve()
        let database = try StoreAccess.open(configuration)
        guard let details = try await StoreAccess.attempt({ [id] in try database.articleDetails(id: id) }) else {
            throw CommandFailure("There is no article with id \(id); `gazette search` lists ids.")
        }
        if json {
            JSONLinesWriter().write(Document(details))
        } else {
            print(TerminalText.clean(ArticleView(details: details, includeBody: body).text))
        }
    }

    /// The record's own keys plus `stored`.
    struct Document: Encodable {
        var record: ExtractionRecord
        var stored: Stored

        init(_ details: ArticleDetails) {
            record = details.record
            stored = Stored(
                id: details.id, ingestedAt: ISOTimestamp.format(details.ingestedAt),
                processedAt: ISOTimestamp.format(details.processedAt), receivedPath: details.receivedPath,
                receivedAt: ISOTimestamp.format(details.receivedAt), archivePath: details.archivePath,
                rawBytesKept: details.hasRawBytes,
                sightings: details.sightings.map { Sighting(path: $0.path, seenAt: ISOTimestamp.format($0.seenAt)) })
        }

        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(stored, forKey: .stored)
        }

        enum CodingKeys: String, CodingKey { case stored }
    }

    struct Stored: Encodable {
        var id: Int64
        var ingestedAt: String
        var processedAt: String
        var receivedPath: String
        var receivedAt: String
        var archivePath: String?
        var rawBytesKept: Bool
        var sightings: [Sighting]

        enum CodingKeys: String, CodingKey {
            case id, sightings
            case ingestedAt = "ingested_at"
            case processedAt = "processed_at"
            case receivedPath = "received_path"
            case receivedAt = "received_at"
            case archivePath = "archive_path"
            case rawBytesKept = "raw_bytes_kept"
        }
    }

    struct Sighting: Encodable {
        var path: String
        var seenAt: String

        enum CodingKeys: String, CodingKey {
            case path
            case seenAt = "seen_at"
        }
    }
}
