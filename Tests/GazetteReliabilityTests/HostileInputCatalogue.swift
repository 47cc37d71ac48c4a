import Foundation
import GazetteExtraction
import GazetteFiles
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import Testing

/// One hostile or faulty inbox entry and what must become of it (RELIABILITY.md lists them all).
struct HostileInput: Sendable, CustomTestStringConvertible {
    /// How the entry is made in the inbox.
    enum Entry: Sendable {
        case bytes(@Sendable () -> [UInt8])
        /// A sparse file of this many bytes: large on paper, nothing on disk.
        case sparse(Int)
        case symlink, hardLink, fifo, socket, directory
        /// The same bytes as a good article ingested just before, under another name.
        case duplicate
    }

    enum Outcome: Sendable {
        /// Stored and archived; `check` holds of the record, and the digest shows no live markup.
        case stored(@Sendable (ExtractionRecord) -> Bool)
        /// Counted as a sighting of the article already stored, and archived.
        case duplicate
        /// In `failed/` with a `.error.json` giving this stage and a reason containing `reason`.
        case quarantined(stage: String, reason: String)
        /// Never taken: the name filter leaves it in the inbox until it is renamed.
        case ignored
    }

    let label: String
    let name: String
    let entry: Entry
    let outcome: Outcome
    var maxFileSize: Int?

    var testDescription: String { label }

    init(_ label: String, _ name: String, _ entry: Entry, _ outcome: Outcome, maxFileSize: Int? = nil) {
        self.label = label
        self.name = name
        self.entry = entry
        self.outcome = outcome
        self.maxFileSize = maxFileSize
    }

    init(_ label: String, _ name: String, text: @escaping @Sendable () -> String, _ outcome: Outcome) {
        self.init(label, name, .bytes({ Array(text().utf8) }), outcome)
    }
}

/// Every hostile and faulty input the intake is known to meet, through the real pipeline: each is
/// stored (with what), counted as a duplicate, quarantined (with which reason) or ignored, and
/// leaves nothing in the inbox or `work/`. Stored ones also go through the HTML, Markdown and Atom
/// digest, which must contain no markup but the templates' own.
/// Serialized: its cases run one at a time, so that the catalogue does not starve the other suites' waits.
@Suite(.serialized) struct HostileInputCatalogue {
    static let article = plainArticle(1)
    static let articleBytes = Array(article.utf8)

    static let cases: [HostileInput] = [
        // The entry itself.
        HostileInput("symbolic link", "link.txt", .symlink, .quarantined(stage: "claim", reason: "symbolic link")),
        HostileInput("hard link", "linked.txt", .hardLink, .quarantined(stage: "claim", reason: "copy the file")),
        HostileInput("named pipe (FIFO)", "pipe.txt", .fifo, .quarantined(stage: "claim", reason: "FIFO")),
        HostileInput("Unix socket", "socket.txt", .socket, .quarantined(stage: "claim", reason: "socket")),
        HostileInput("directory", "folder.txt", .directory, .quarantined(stage: "claim", reason: "directory")),
        HostileInput("empty file", "empty.txt", .bytes({ [] }), .quarantined(stage: "read", reason: "empty")),
        HostileInput(
            "1 GB sparse file, refused by its size without being read", "sparse.txt", .sparse(1 << 30),
            .quarantined(stage: "read", reason: "more than the limit")),
        HostileInput(
            "one byte over intake.max_file_size", "over.txt", .bytes({ Array(repeating: 0x61, count: 4097) }),
            .quarantined(stage: "read", reason: "limit of 4096 bytes"), maxFileSize: 4096),
        HostileInput("dotfile", ".hidden.txt", .bytes({ articleBytes }), .ignored),
        HostileInput("partial download (.part)", "story.txt.part", .bytes({ articleBytes }), .ignored),
        HostileInput("partial download (.crdownload)", "story.crdownload", .bytes({ articleBytes }), .ignored),
        HostileInput("editor backup (~)", "story.txt~", .bytes({ articleBytes }), .ignored),
        HostileInput("the same bytes under a second name", "copy.txt", .duplicate, .duplicate),

        // Bytes that are not text.
        HostileInput(
            "NUL bytes inside a text", "nul.txt",
            text: { article.replacingOccurrences(of: "city council", with: "city\0council") },
            .quarantined(stage: "decode", reason: "binary data")),
        HostileInput(
            "only NUL bytes", "zeros.txt", .bytes({ Array(repeating: 0, count: 4096) }),
            .quarantined(stage: "decode", reason: "binary data")),
        HostileInput(
            "ELF executable", "program",
            .bytes({ [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 120) }),
            .quarantined(stage: "decode", reason: "binary data")),
        HostileInput(
            "only whitespace", "blank.txt", text: { " \n\t\n   \r\n" },
            .quarantined(stage: "decode", reason: "only whitespace")),
        HostileInput(
            "a byte-order mark and nothing else", "bom.txt", .bytes({ [0xEF, 0xBB, 0xBF] }),
            .quarantined(stage: "decode", reason: "only whitespace")),
        HostileInput(
            "UTF-16 with a lone surrogate", "broken-utf16.txt",
            .bytes({
                [0xFF, 0xFE] + Array(article.utf16.prefix(40)).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [
                    0x00, 0xD8, 0x41, 0x00,
                ]
            }),
            .quarantined(stage: "decode", reason: "not valid text")),

        // Formats Gazette does not read, known by their first bytes or their extension.
        HostileInput(
            "PDF", "paper.pdf", .bytes({ Array("%PDF-1.7\n1 0 obj <<>> endobj\n".utf8) }),
            .quarantined(stage: "format", reason: "PDF document")),
        HostileInput(
            "PNG image named .txt", "image.txt",
            .bytes({ [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 1, count: 32) }),
            .quarantined(stage: "format", reason: "image (PNG)")),
        HostileInput(
            "JPEG image", "photo.jpg",
            .bytes({ [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] + Array("JFIF".utf8) + Array(repeating: 1, count: 32) }),
            .quarantined(stage: "format", reason: "image (JPEG)")),
        HostileInput(
            "GIF image", "anim.gif", .bytes({ Array("GIF89a".utf8) + Array(repeating: 1, count: 32) }),
            .quarantined(stage: "format", reason: "image (GIF)")),
        HostileInput(
            "text saved under a video's extension", "clip.mp4", .bytes({ articleBytes }),
            .quarantined(stage: "format", reason: "audio or video")),
        HostileInput(
            "zip bomb (1 MB of zeros in 1 KB), refused unopened", "bomb.zip", .bytes({ zipBomb }),
            .quarantined(stage: "format", reason: "compressed archive (ZIP)")),
        HostileInput(
            "gzip bomb named .txt (1 MB of zeros in 1 KB), refused unopened", "bomb.txt", .bytes({ gzipOfZeros }),
            .quarantined(stage: "format", reason: "compressed archive (gzip)")),
        HostileInput(
            "xz archive", "bundle.xz",
            .bytes({ [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] + Array(repeating: 0x41, count: 32) }),
            .quarantined(stage: "format", reason: "compressed archive (xz)")),
        HostileInput(
            "Word document (.docx)", "letter.docx",
            .bytes({ Array("PK\u{03}\u{04}".utf8) + Array(repeating: 0, count: 26) + Array("word/document.xml".utf8) }),
            .quarantined(stage: "format", reason: "Word document")),
        HostileInput(
            "Word 97 document (.doc)", "letter.doc",
            .bytes({ [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64) }),
            .quarantined(stage: "format", reason: "Word document")),
        HostileInput(
            "RTF document", "memo.rtf", text: { #"{\rtf1\ansi Council approves new cycle lanes\par}"# },
            .quarantined(stage: "format", reason: "RTF document")),
        HostileInput(
            "shell script", "install.txt", text: { "#!/bin/sh\nrm -rf \"$HOME/tmp\"\necho done\n" },
            .quarantined(stage: "format", reason: "shell script")),
        HostileInput(
            "Python program", "tool.py", text: { "import os\nprint(os.getcwd())\n" },
            .quarantined(stage: "format", reason: "shell script")),
        HostileInput(
            "JavaScript", "app.js", text: { "document.write('<script>alert(1)</script>');\n" },
            .quarantined(stage: "format", reason: "JavaScript")),

        // Structured files that blow up parsers.
        HostileInput(
            "JSON nested 100,000 deep", "deep.json",
            text: { String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) },
            .quarantined(stage: "format", reason: "not valid JSON")),
        HostileInput(
            "JSON with a number out of range (1e999999)", "huge-number.json",
            text: { #"{"title": "Council approves lanes", "text": "The council met.", "score": 1e999999}"# },
            .quarantined(stage: "format", reason: "not valid JSON")),
        HostileInput(
            "JSON with no article field", "settings.json", text: { #"{"theme": "dark", "size": 12}"# },
            .quarantined(stage: "format", reason: "no article text")),
        HostileInput(
            "e-mail with 1,000 nested multiparts", "deep.eml", text: { deepEmail },
            .quarantined(stage: "clean-up", reason: "only page furniture")),
        HostileInput(
            "only page furniture", "furniture.txt", text: { "Share this article\nFacebook\nTwitter\nEmail\n" },
            .quarantined(stage: "clean-up", reason: "page furniture")),

        // Hostile but readable: stored, and bounded in what they cost.
        HostileInput(
            "invalid UTF-8 inside a UTF-8 text", "invalid-utf8.txt",
            .bytes({ articleBytes + [0xFF, 0xFE, 0xC3, 0x28, 0xA0, 0xA1] + Array(" more text.\n".utf8) }),
            .stored({ $0.title == "Council approves new cycle lanes for district 1" && $0.source.encoding != "utf-8" })),
        HostileInput(
            "UTF-8 and Latin-1 mixed in one file", "mixed.txt",
            .bytes({
                articleBytes + Array("\nCafé in Zürich ".utf8) + [0x61, 0x6E, 0x64, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]
            }),
            .stored({ $0.body.contains("cycle lanes") })),
        HostileInput(
            "UTF-16 without a byte-order mark", "utf16.txt",
            .bytes({ article.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }),
            .stored({
                $0.title == "Council approves new cycle lanes for district 1" && $0.source.encoding == "utf-16le"
            })),
        HostileInput(
            "UTF-7 declared to smuggle <script>", "utf7.html",
            text: {
                "<html><head><meta charset=\"utf-7\"><title>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</title></head><body><p>"
                    + article + "</p></body></html>"
            }, .stored({ !($0.title ?? "").contains("<script") })),
        HostileInput(
            "a 2 MB single line of one word", "one-word.txt",
            .bytes({ Array(repeating: UInt8(ascii: "a"), count: 2 << 20) }), .stored({ $0.wordCount == 1 })),
        HostileInput(
            "a 1 MB single line of prose", "one-line.txt",
            text: {
                String(
                    String(
                        repeating: "The council met again on Tuesday and said the plan would go ahead. ", count: 16_000
                    ).prefix(1 << 20))
            },
            .stored({ $0.wordCount > 100_000 })),
        HostileInput(
            "a 160 KB headline of one capitalised word repeated (was quadratic)", "long-headline.txt",
            text: { String(repeating: "Council ", count: 20_000) + "\n\n" + article },
            .stored({ $0.wordCount > 20_000 })),
        HostileInput(
            "HTML billion laughs (nested entities in a DOCTYPE)", "laughs.html",
            text: {
                "<!DOCTYPE html [" + laughs + "]><html><head><title>Council &lol9;</title></head><body><p>" + article
                    + " &lol9;</p></body></html>"
            },
            .stored({ $0.body.count < 10_000 && !$0.body.contains("lollollol") })),
        HostileInput(
            "RSS billion laughs", "feed.xml",
            text: {
                "<?xml version=\"1.0\"?><!DOCTYPE rss [" + laughs
                    + "]><rss><channel><item><title>Council &lol9;</title><description>" + article
                    + "&lol9;</description></item></channel></rss>"
            },
            // Refused whole by the feed reader: nothing of it expanded or stored.
            .quarantined(stage: "format", reason: "RSS or Atom feed")),
        HostileInput(
            "YAML alias bomb in Markdown front matter", "aliases.md", text: { yamlBomb + article },
            .stored({ $0.body.contains("cycle lanes") && ($0.title ?? "").count < 200 })),
        HostileInput(
            "HTML nested 100,000 deep", "deep.html",
            text: {
                "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>" + article + "</p>"
                    + String(repeating: "</div>", count: 100_000) + "</body></html>"
            },
            .stored({ $0.body.contains("cycle lanes") })),
        HostileInput(
            "JSON-LD nested 100,000 deep in a page", "deep-ld.html",
            text: {
                "<html><head><script type=\"application/ld+json\">" + String(repeating: "{\"a\":", count: 100_000) + "1"
                    + String(repeating: "}", count: 100_000) + "</script></head><body><p>" + article
                    + "</p></body></html>"
            }, .stored({ $0.body.contains("cycle lanes") })),
        HostileInput(
            "JSON with a 40-digit integer", "big-integer.json",
            text: {
                #"{"id": 1234567890123456789012345678901234567890, "title": "Council approves lanes", "text": "The city council voted on Tuesday to build protected cycle lanes along ten streets in the northern district."}"#
            },
            .stored({ $0.title == "Council approves lanes" })),
        HostileInput(
            "ANSI escapes and BEL in the headline", "ansi.txt",
            text: { "\u{1B}[31mCouncil\u{1B}[0m approves \u{07}lanes\u{1B}]0;owned\u{07}\n\n" + article },
            .stored({ $0.body.contains("cycle lanes") })),
        HostileInput(
            "a spreadsheet formula as the headline", "formula.txt",
            text: { plainArticle(2, headline: "=HYPERLINK(\"http://example.com\",\"Council\") approves lanes") },
            .stored({ CSV.line([$0.title ?? ""]).hasPrefix("\"'=HYPERLINK") })),
        HostileInput(
            "<script>, javascript: and markup in a web page's title, site name, text and quotes", "xss.html",
            text: { xssPage },
            .stored({ ($0.title ?? "").contains("<script>") && ($0.publication ?? "").contains("javascript:") })),
        HostileInput(
            "event handlers in a JSON article's title, authors and source", "xss.json", text: { xssJSON },
            .stored({ $0.authors.first?.contains("onload") == true && ($0.title ?? "").contains("onerror") })),
        HostileInput(
            "markup in Markdown front matter", "xss.md", text: { xssMarkdown },
            .stored({ ($0.publication ?? "").contains("<iframe") })),
        HostileInput(
            "markup and javascript: in the file name", "\"><img src=x onerror=alert(1)>javascript:x.txt",
            text: { plainArticle(3) }, .stored({ $0.body.contains("cycle lanes") })),
        HostileInput(
            "a 255-byte file name", String(repeating: "n", count: 251) + ".txt", text: { plainArticle(4) },
            .stored({ $0.body.contains("cycle lanes") })),
    ]

    /// A hang fails by the time limit; how long a case takes is for benchmarks, not tests.
    @Test(.timeLimit(.minutes(10)), arguments: cases) func endsWhereExpected(_ input: HostileInput) async throws {
        let fixture = try CatalogueFixture(maxFileSize: input.maxFileSize)
        let path = fixture.inbox + "/" + input.name
        if case .duplicate = input.entry {
            let original = fixture.inbox + "/original.txt"
            try Data(Self.articleBytes).write(to: URL(fileURLWithPath: original))
            _ = await fixture.service.ingest(file: original, keepOriginal: false)
        }
        try Self.make(input.entry, at: path, in: fixture)

        if case .ignored = input.outcome {
            #expect(!FileNameFilter(fixture.configuration).accepts(input.name))
            return
        }
        let outcome = await fixture.service.ingest(file: path, keepOriginal: false)
        #expect(fixture.entries(fixture.inbox).isEmpty, "left in the inbox")
        #expect(fixture.entries(fixture.configuration.workDirectory).isEmpty, "left in work/")
        #expect(fixture.entries(fixture.configuration.attemptsDirectory).isEmpty, "marker left in attempts/")

        switch (input.outcome, outcome) {
        case (.stored(let check), .stored(let ids, let archived?)):
            let id = try #require(ids.first)
            let record = try #require(try fixture.database.record(id: id))
            #expect(check(record), "record: \(record.title ?? "untitled"), \(record.source.encoding)")
            #expect(archived.hasPrefix(fixture.configuration.archiveDirectory + "/"))
            #expect(fixture.archived.count == 1)
            #expect(((archived as NSString).lastPathComponent).utf8.count <= 255)
            try Self.expectNoLiveMarkup(fixture)
        case (.duplicate, .duplicate(let id, _?)):
            #expect(try fixture.database.status().articles == 1)
            #expect(try fixture.database.status().duplicates == 1)
            #expect(id > 0)
            #expect(fixture.archived.count == 2)
        case (.quarantined(let stage, let reason), .failed(_, let quarantined?)):
            let name = (quarantined as NSString).lastPathComponent
            #expect(name == input.name)
            let report = try fixture.errorReport(name)
            #expect(report["stage"] as? String == stage)
            let said = report["reason"] as? String ?? ""
            #expect(said.localizedCaseInsensitiveContains(reason), "reason: \(said)")
            #expect(try fixture.database.status().failed == 1)
            #expect(try fixture.database.status().articles == 0)
            #expect(fixture.archived.isEmpty)
        default:
            Issue.record("expected \(input.outcome), got \(outcome)")
        }
    }

    /// The digest's HTML, Markdown and Atom hold no markup but their templates' own, with no
    /// event handler or `javascript:` address anywhere.
    static func expectNoLiveMarkup(
        _ fixture: CatalogueFixture, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let written = try fixture.writeDigest()
        #expect(Markup.live(in: written.html, allowed: Self.allowedHTML).isEmpty, sourceLocation: sourceLocation)
        #expect(Markup.live(in: written.markdown, allowed: []).isEmpty, sourceLocation: sourceLocation)
        #expect(Markup.live(in: written.atom, allowed: Self.allowedAtom).isEmpty, sourceLocation: sourceLocation)
        #expect(
            !written.atom.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" },
            "the feed holds a control character XML forbids", sourceLocation: sourceLocation)
    }

    /// The tags the built-in HTML template and the Atom feed are made of.
    static let allowedHTML: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "nav",
        "article",
        "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "a", "span", "strong", "em", "br", "div", "table", "thead",
        "tbody", "tr", "th", "td", "svg", "polyline", "path", "rect", "line", "circle", "g", "small", "blockquote",
        "cite", "time", "details", "summary", "figure", "figcaption", "abbr", "b", "i", "q", "dl", "dt", "dd",
    ]
    static let allowedAtom: Set<String> = [
        "?xml", "feed", "title", "id", "updated", "link", "entry", "summary", "author", "name", "content", "subtitle",
        "generator", "published",
    ]

    @Test func theCatalogueHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }
}

extension HostileInputCatalogue {
    static func make(_ entry: HostileInput.Entry, at path: String, in fixture: CatalogueFixture) throws {
        switch entry {
        case .bytes(let bytes):
            try Data(bytes()).write(to: URL(fileURLWithPath: path))
        case .duplicate:
            try Data(articleBytes).write(to: URL(fileURLWithPath: path))
        case .sparse(let size):
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            #expect(descriptor >= 0 && ftruncate(descriptor, off_t(size)) == 0)
            close(descriptor)
        case .symlink:
            let target = fixture.folder.path("outside.txt")
            try Data(articleBytes).write(to: URL(fileURLWithPath: target))
            #expect(symlink(target, path) == 0)
        case .hardLink:
            let target = fixture.folder.path("outside.txt")
            try Data(articleBytes).write(to: URL(fileURLWithPath: target))
            #expect(link(target, path) == 0)
        case .fifo:
            #expect(mkfifo(path, 0o644) == 0)
        case .socket:
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(descriptor) }
            let address = try #require(UnixSocketAddress(path))
            let bound = address.bind(descriptor)
            #expect(bound)
        case .directory:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
    }

    /// A real ZIP archive of one entry, 1 MB of zeros deflated into 1 KB.
    static var zipBomb: [UInt8] {
        hex(
            "504b03041400000008000000215c1cea38a70904000000001000080000007a65726f2e747874edc13101000000c2a0f54f6d085fa0"
        )
            + Array(repeating: 0, count: 1_016)
            + hex(
                "3e03504b010214031400000008000000215c1cea38a709040000000010000800000000000000000000008001000000007a65726f"
                    + "2e747874504b05060000000001000100360000002f0400000000")
    }

    /// A real gzip stream of 1 MB of zeros, 1 KB long.
    static var gzipOfZeros: [UInt8] {
        hex("1f8b0800000000000203edc13101000000c2a0f54f6d085fa0") + Array(repeating: 0, count: 1_016)
            + hex("3e031cea38a700001000")
    }

    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.utf8)
        return stride(from: 0, to: digits.count, by: 2).map {
            UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)!
        }
    }

    /// `lol1` … `lol9`, each ten of the one before: 10⁹ `lol`s if expanded.
    static var laughs: String {
        "<!ENTITY lol1 \"lol\">"
            + (2...9).map { level in
                "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
            }.joined()
    }

    static var yamlBomb: String {
        var yaml = "---\ntitle: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]\n"
        }
        return yaml + "---\n\n"
    }

    static var deepEmail: String {
        var text = "From: desk@example.com\nSubject: Council approves lanes\nMIME-Version: 1.0\n"
        for level in 0..<1_000 {
            text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n"
        }
        return text + "Content-Type: text/plain\n\n" + article
    }

    static var xssPage: String {
        """
        <html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Council approves lanes</title>
        <meta property="og:site_name" content="&lt;a href=&quot;javascript:alert(3)&quot;&gt;Pub&lt;/a&gt;"></head>
        <body><article><h1>&lt;script&gt;alert(1)&lt;/script&gt; Council approves lanes</h1>
        <p>The city council voted on Tuesday to build lanes &lt;script&gt;alert(4)&lt;/script&gt; in the northern \
        district, after a consultation that drew more than 400 responses.</p>
        <p>“&lt;script&gt;alert(5)&lt;/script&gt; is what we will build,” said Mayor Ann Lee on Tuesday.</p>
        <p>Officials said construction would begin in the spring.</p></article></body></html>
        """
    }

    static var xssJSON: String {
        #"""
        {"title": "<img src=x onerror=alert(1)> Council approves lanes", "authors": ["Ann <svg onload=alert(2)> Writer"],
         "source": "javascript:alert(3)", "url": "javascript:alert(4)", "publish_date": "2026-03-10T09:00:00Z",
         "text": "The city council voted on Tuesday to build protected cycle lanes along ten streets in the northern district.\n\n“<script>alert(5)</script> is what we will build,” said Mayor Ann Lee on Tuesday."}
        """#
    }

    static var xssMarkdown: String {
        """
        ---
        title: "<script>alert(1)</script> Council approves lanes"
        author: "<b onmouseover=alert(2)>Ann Writer</b>"
        publication: "<iframe src=javascript:alert(3)>"
        ---

        """ + article
    }
}
