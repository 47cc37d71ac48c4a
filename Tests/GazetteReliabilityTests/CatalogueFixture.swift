import Foundation
import GazetteDigest
import GazetteExtraction
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import Logging

/// An inbox, a state folder and an in-memory store for one catalogue case, with the intake
/// service that ingests through the real pipeline and a digest producer over the same store.
final class CatalogueFixture: Sendable {
    let folder: TemporaryDirectory
    let configuration: IntakeConfiguration
    let database: GazetteDatabase
    let service: IngestService
    static let logger = Logger(label: "gazette.catalogue.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    init(maxFileSize: Int? = nil) throws {
        folder = try TemporaryDirectory(prefix: "gazette-catalogue")
        var configuration = IntakeConfiguration(inbox: folder.path("inbox"), stateDirectory: folder.path("state"))
        if let maxFileSize { configuration.maxFileSize = maxFileSize }
        self.configuration = configuration
        database = try GazetteDatabase.inMemory()
        service = IngestService(
            configuration: configuration, store: database, extractor: Extractor(), logger: Self.logger)
        try FileManager.default.createDirectory(atPath: configuration.inbox, withIntermediateDirectories: true)
    }

    var inbox: String { configuration.inbox }

    /// Names of the entries in `folder` (a path), or none when it does not exist.
    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Regular files under `archive/`, as paths relative to it.
    var archived: [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: configuration.archiveDirectory) else { return [] }
        var result: [String] = []
        while let name = enumerator.nextObject() as? String {
            var info = stat()
            if lstat(configuration.archiveDirectory + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                result.append(name)
            }
        }
        return result
    }

    /// The parsed `failed/NAME.error.json`.
    func errorReport(_ name: String) throws -> [String: Any] {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: configuration.failedDirectory + "/" + name + ".error.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Writes the digest of the last hour in every format, with its Atom feed, and returns the
    /// HTML, Markdown and Atom texts.
    func writeDigest() throws -> (html: String, markdown: String, atom: String) {
        let directory = folder.path("digests")
        let producer = try DigestProducer(
            configuration: DigestConfiguration(directory: directory), database: database)
        let now = Date()
        let window = DigestWindow(since: now.addingTimeInterval(-3600), until: now.addingTimeInterval(60))
        let files = try producer.write(try producer.build(window), window: window, withTime: true)
        func read(_ suffix: String) throws -> String {
            guard let path = files.first(where: { $0.hasSuffix(suffix) }) else { return "" }
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        return (
            try read(".html"), try read(".md"), try String(contentsOfFile: directory + "/digests.atom", encoding: .utf8)
        )
    }
}

/// The markup a rendered page or feed contains: each tag's name and its whole text.
enum Markup {
    struct Tag: Equatable {
        let name: String
        let text: String
    }

    /// Every `<name …>` and `</name>` in `text`. Text that came from an article is escaped
    /// (`&lt;` in HTML and XML, `\<` in Markdown), so each other `<` is markup the renderer made
    /// or let through.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            let escaped = open > rest.startIndex && rest[rest.index(before: open)] == "\\"
            let after = rest[rest.index(after: open)...]
            let close = after.firstIndex(of: ">") ?? after.endIndex
            let inside = after[..<close]
            let name = inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber || $0 == ":" })
            if !escaped, !name.isEmpty { tags.append(Tag(name: name.lowercased(), text: String(inside))) }
            rest =
                escaped
                ? after : close == after.endIndex ? after[after.endIndex...] : after[after.index(after: close)...]
        }
        return tags
    }

    /// Tags not in `allowed`, and tags with an event handler or an attribute that is a
    /// `javascript:` address.
    static func live(in text: String, allowed: Set<String>) -> [String] {
        tags(in: text).filter { tag in
            let lowered = tag.text.lowercased()
            return !allowed.contains(tag.name)
                || lowered.range(of: #"=\s*["']?\s*javascript:"#, options: .regularExpression) != nil
                || lowered.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil
        }.map(\.text)
    }
}

/// A good article in plain text, different for each `seed`.
func plainArticle(_ seed: Int, headline: String? = nil) -> String {
    """
    \(headline ?? "Council approves new cycle lanes for district \(seed)")

    The city council voted on Tuesday to build protected cycle lanes along \(seed + 10) streets in the \
    northern district, after a consultation that drew more than \(seed * 7 + 100) responses.

    “We have listened to the people who ride here every day,” said Mayor Ann Lee on Tuesday. Officials \
    said construction would begin in the spring and cost about £\(seed + 2) million.
    """
}
