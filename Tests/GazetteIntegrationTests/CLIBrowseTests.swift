import Foundation
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

/// The browsing commands, run as the built `gazette` binary on a temporary store.
@Suite("Browsing commands")
struct CLIBrowseTests {
    /// A state folder with the sample article (id 1) and a second, undated one on steel (id 2).
    struct Store {
        let folder: TemporaryDirectory
        var state: String { folder.path("state") }

        init() throws {
            folder = try TemporaryDirectory(prefix: "gazette-cli-browse")
            let database = try GazetteDatabase(path: folder.path("state/gazette.sqlite"))
            _ = try database.ingest(SampleArticles.article())
            var steel = SampleArticles.record(
                title: "Steel, \"tariffs\" and trade", body: "Steel makers met in Sheffield to discuss tariffs.",
                publication: "Reuters", entities: [.init("Sheffield", .location)], path: "inbox/steel.txt")
            steel.publishedAt = "2025-03-01T12:00:00Z"
            _ = try database.ingest(SampleArticles.article(steel))
        }

        func run(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await GazetteBinary.run(
                [arguments[0], "--state-dir", state] + arguments.dropFirst(), environment: ["NO_COLOR": "1"])
        }
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("a missing database is reported in one sentence")
    func missingDatabase() async throws {
        let folder = try TemporaryDirectory()
        for command in [
            ["search", "x"], ["show", "1"], ["entities"], ["quotes"], ["export", "--format", "csv"], ["reprocess"],
        ] {
            let result = try await GazetteBinary.run(command + ["--state-dir", folder.path("state")])
            #expect(result.status == 1)
            #expect(
                result.stderr.contains(
                    "No database at \(folder.path("state"))/gazette.sqlite; run `gazette run` or `gazette ingest` first."
                ))
            #expect(
                !FileManager.default.fileExists(atPath: folder.path("state/gazette.sqlite")),
                "browsing creates no database")
        }
        let status = try await GazetteBinary.run(["status", "--json", "--state-dir", folder.path("state")])
        #expect(status.status == 0)
        #expect(
            !FileManager.default.fileExists(atPath: folder.path("state")),
            "status on an empty state folder creates nothing")
    }

    @Test("search prints a table with highlighted snippets, or JSON")
    func search() async throws {
        let store = try Store()
        let table = try await store.run(["search", "tariffs", "OR", "Moscow"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("ID  PUBLISHED"))
        #expect(table.stdout.contains("**tariffs**"))
        #expect(table.stdout.contains("Putin and Rubio meet in Moscow"))

        let json = try await store.run([
            "search", "steel", "--json", "--publication", "reuters", "--since", "2025-02-15",
        ])
        let hits = try #require(try Self.json(json.stdout) as? [[String: Any]])
        #expect(hits.map { $0["id"] as? Int } == [2])
        #expect(hits.first?["published_at"] as? String == "2025-03-01T12:00:00Z")
        #expect(try await store.run(["search", "steel", "--entity", "Putin"]).stdout == "No article matches.\n")
    }

    /// Regression: ESC, OSC, BEL and CR in a title reached the terminal raw.
    @Test("control characters in stored text never reach the terminal raw")
    func controlCharacters() async throws {
        let store = try Store()
        let database = try GazetteDatabase(path: store.folder.path("state/gazette.sqlite"))
        var hostile = SampleArticles.record(
            title: "Ransom\u{1B}]0;pwned\u{07}\u{1B}[2J note\r",
            body: "A ransom note\u{1B}[31m was found at the depot.",
            publication: "Wire\u{9B}", entities: [], path: "inbox/ransom.txt")
        hostile.publishedAt = "2025-03-02T12:00:00Z"
        let id = try database.ingest(SampleArticles.article(hostile)).id
        for command in [["search", "ransom"], ["show", String(id), "--body"], ["search", "ransom", "--json"]] {
            let result = try await store.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let raw = result.stdout.unicodeScalars.filter {
                $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" || $0 == "\u{9B}"
            }
            #expect(raw.isEmpty, "\(command): \(raw.map { String($0.value, radix: 16) })")
        }
        #expect(try await store.run(["search", "ransom"]).stdout.contains("Ransom␛]0;pwned␇␛[2J note␍"))
    }

    @Test("search syntax mistakes are explained, never as SQLite errors")
    func searchSyntax() async throws {
        let store = try Store()
        let result = try await store.run(["search", "steel \"trade"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("The quotation mark at character 7 is never closed"))
        #expect(!result.stderr.localizedCaseInsensitiveContains("sqlite"))
        #expect(!result.stderr.localizedCaseInsensitiveContains("fts5"))
        #expect(try await store.run(["search", "--", "-steel"]).stderr.contains("only excludes words"))
    }

    @Test("show --json is the extraction record plus the stored facts")
    func showJSON() async throws {
        let store = try Store()
        let result = try await store.run(["show", "1", "--json"])
        #expect(result.status == 0)
        var object = try #require(try Self.json(result.stdout) as? [String: Any])
        let stored = try #require(object.removeValue(forKey: "stored") as? [String: Any])
        #expect(stored["id"] as? Int == 1)
        #expect(stored["raw_bytes_kept"] as? Bool == true)
        let record = try JSONDecoder().decode(
            ExtractionRecord.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(record == SampleArticles.record())

        let text = try await store.run(["show", "1"])
        #expect(text.stdout.hasPrefix("Putin and Rubio meet in Moscow\nThe Guardian · by Martin Kettle"))
        #expect(text.stdout.contains("People\n  Vladimir Putin, Russian president (also Putin)"))
        #expect(try await store.run(["show", "9"]).stderr.contains("There is no article with id 9"))
    }

    @Test("entities and quotes list names and speakers")
    func entitiesAndQuotes() async throws {
        let store = try Store()
        let entities = try await store.run(["entities", "--type", "location", "--json"])
        let names = try #require(try Self.json(entities.stdout) as? [[String: Any]]).compactMap {
            $0["name"] as? String
        }
        #expect(Set(names) == ["Moscow", "Washington", "Sheffield"])
        let table = try await store.run(["entities", "--top", "2"])
        #expect(table.stdout.hasPrefix("NAME"))
        #expect(table.stdout.split(separator: "\n").count == 3)
        #expect(
            try await store.run(["entities", "--type", "planet"]).stderr.contains(
                "The value 'planet' is invalid for '--type <TYPE>'"))

        let quotes = try await store.run(["quotes", "--speaker", "Putin", "--json"])
        let list = try #require(try Self.json(quotes.stdout) as? [[String: Any]])
        #expect(list.map { $0["text"] as? String } == ["We are ready to talk."])
        #expect(list.first?["role"] as? String == "Russian president")
        #expect(try await store.run(["quotes"]).stdout.contains("“We are ready to talk.”"))
    }

    @Test("export writes JSON lines or RFC 4180 CSV")
    func export() async throws {
        let store = try Store()
        let lines = try await store.run(["export", "--format", "jsonl"]).stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try JSONDecoder().decode(ExtractionRecord.self, from: Data(lines[0].utf8)) == SampleArticles.record())

        let file = store.folder.path("out.csv")
        let result = try await store.run(["export", "--format", "csv", "--output", file, "--since", "2025-02-15"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("Exported 1 article to"))
        let csv = try String(contentsOfFile: file, encoding: .utf8)
        #expect(csv.hasPrefix("id,title,authors,publication,"))
        #expect(csv.contains("2,\"Steel, \"\"tariffs\"\" and trade\",Martin Kettle,Reuters,"))
        #expect(!FileManager.default.fileExists(atPath: file + ".partial"))
    }

    @Test("reprocess re-extracts articles made by another pipeline, then has nothing left to do")
    func reprocess() async throws {
        let folder = try TemporaryDirectory(prefix: "gazette-cli-reprocess")
        let database = try GazetteDatabase(path: folder.path("state/gazette.sqlite"))
        var record = SampleArticles.record()
        record.pipeline = "0"
        let id = try database.ingest(SampleArticles.article(record)).id
        let arguments = ["--state-dir", folder.path("state")]

        let first = try await GazetteBinary.run(["reprocess", "--batch-size", "1"] + arguments)
        #expect(first.status == 0)
        #expect(first.stdout == "reprocessed 1 of 1\n")
        let reprocessed = try #require(try database.record(id: id))
        #expect(reprocessed.pipeline == Extractor.pipelineVersion)
        #expect(reprocessed.source.sha256 == record.source.sha256)
        #expect(reprocessed.title == "Putin and Rubio meet in Moscow")

        let second = try await GazetteBinary.run(["reprocess"] + arguments)
        #expect(second.stdout.contains("nothing to reprocess"))
        let again = try await GazetteBinary.run(["reprocess", String(id)] + arguments)
        #expect(again.status == 0)
        #expect(try database.record(id: id) == reprocessed, "re-running the same pipeline changes nothing")
    }

    static let mailbox = """
        From nadia@harbourtimes.example Mon Dec  1 07:30:00 2025
        From: Nadia Okafor <nadia@harbourtimes.example>
        Subject: Ferry fares to rise in the new year
        Date: Mon, 01 Dec 2025 07:30:00 +0000

        Ferry fares across the harbour will rise by 8% in January, the operator said on Monday.

        From tom@harbourtimes.example Tue Dec  2 09:00:00 2025
        From: Tom Reyes <tom@harbourtimes.example>
        Subject: Fish market moves to the east quay
        Date: Tue, 02 Dec 2025 09:00:00 +0000

        The fish market will open on the east quay from next month, the harbour board said.

        """

    @Test("a mailbox is ingested as one article per message; show names the part, extract prints one line each")
    func mailbox() async throws {
        let folder = try TemporaryDirectory(prefix: "gazette-cli-mbox")
        let path = folder.path("desk.mbox")
        try Data(Self.mailbox.utf8).write(to: URL(fileURLWithPath: path))
        let state = folder.path("state")

        let ingest = try await GazetteBinary.run(["ingest", "--state-dir", state, path])
        #expect(ingest.status == 0)
        #expect(ingest.stdout == "\(path): stored as 2 articles (1 to 2)\n")

        let show = try await GazetteBinary.run(["show", "2", "--state-dir", state], environment: ["NO_COLOR": "1"])
        #expect(show.stdout.hasPrefix("Fish market moves to the east quay\n"))
        #expect(show.stdout.contains("by Tom Reyes (from metadata)"))
        #expect(show.stdout.contains("Source: \(path), message 2 (email, "))

        let again = try await GazetteBinary.run(["ingest", "--state-dir", state, path])
        #expect(again.stdout == "\(path): already stored as article 1\n")

        let extract = try await GazetteBinary.run(["extract", path])
        #expect(extract.status == 0)
        let lines = extract.stdout.split(separator: "\n").map(String.init)
        let parts = try lines.map {
            try #require(((try Self.json($0) as? [String: Any])?["source"] as? [String: Any])?["part"] as? String)
        }
        #expect(parts == ["message 1", "message 2"])
    }
}
