import Foundation
import Testing

@testable import GazetteExtraction

@Suite("E-mail and MHTML: MIME parts, charsets, encoded words, furniture")
struct EmailTests {
    /// A Substack-style newsletter: mixed → alternative → related HTML, quoted-printable, a
    /// folded two-word Subject, a list sender with "X from Y".
    @Test func newsletterReadsItsHTMLPartWithoutFurniture() throws {
        let record = try FormatFixtures.extract("newsletter-platformer.eml")
        #expect(record.source.format == .email)
        #expect(record.title == "The app store fight moves to Brussels — and Albany")
        #expect(record.authors == ["Casey Newton"])
        #expect(record.publication == "Platformer")
        #expect(record.publishedAt == "2025-12-03T01:03:00Z")
        #expect(record.language == "en")
        // The HTML part, not the text/plain one.
        #expect(record.body.contains("the first big test of the bloc’s new competition rules"))
        #expect(record.body.contains("Lawmakers in three states introduced bills"))
        for furniture in [
            "robots are coming", "View in browser", "Acme Cloud", "SPONSORED", "Refer a friend", "Unsubscribe",
            "receiving this email", "Market Street", "%PDF",
        ] {
            #expect(!record.body.contains(furniture), "\(furniture)")
        }
    }

    @Test func koi8RBase64PartAndEncodedWords() throws {
        let record = try FormatFixtures.extract("koi8-r-base64.eml")
        #expect(record.source.encoding == "koi8-r")
        #expect(record.title == "Итоги собрания на заводе")
        #expect(record.authors == ["Иван Петров"])
        #expect(record.language == "ru")
        #expect(record.body.hasPrefix("Здравствуйте, коллеги!"))
        #expect(record.entities.isEmpty)
    }

    /// Regression: ISO-8859-1 quoted-printable became U+FFFD; a list's From became a person.
    @Test func latin1QuotedPrintableFromAList() throws {
        let record = try FormatFixtures.extract("latin1-list.eml")
        #expect(record.source.encoding == "iso-8859-1")
        #expect(record.title == "Café prices climb in Zürich")
        #expect(record.authors.isEmpty)
        #expect(record.publication == "The Morning Dispatch")
        #expect(record.body.hasPrefix("Les prix du café ont encore augmenté cette semaine à Zürich"))
        #expect(!record.body.contains("\u{FFFD}"))
        #expect(!record.body.contains("Unsubscribe"))
    }

    /// An 8-bit Windows-1251 part: the bytes are read in the part's charset, not the file's guess.
    @Test func eightBitWindows1251Part() throws {
        let record = try FormatFixtures.extract("windows-1251-8bit.eml")
        #expect(record.source.encoding == "windows-1251")
        #expect(record.title == "Новая библиотека")
        #expect(record.authors == ["Ольга Смирнова"])
        #expect(record.body.hasPrefix("В субботу в центре города открылась новая библиотека."))
    }

    /// Chrome's "save as single file": the page's HTML part and its own metadata.
    @Test func mhtmlReadsThePage() throws {
        let record = try FormatFixtures.extract("saved-page.mhtml")
        #expect(record.source.format == .html)
        #expect(record.authors == ["Marta Keller"])
        // The page gave its own offset, which the record keeps (07:00 UTC).
        #expect(record.publishedAt == "2025-11-28T08:00:00+01:00")
        #expect(record.body.contains("A new sleeper service will link Zurich and Vienna"))
        #expect(!record.body.contains("font-family"))
        #expect(!record.authors.contains { $0.contains("Saved by") })
    }

    /// Regression: folding left a leading space, and adjacent encoded words kept the space between them.
    @Test func encodedWordsWithFolding() {
        #expect(EncodedWords.decode("=?UTF-8?Q?Caf=C3=A9?=\n =?UTF-8?Q?_society?=") == "Café society")
        #expect(EncodedWords.decode(" =?ISO-8859-1?Q?Z=FCrich?= talks") == "Zürich talks")
        #expect(EncodedWords.decode("=?KOI8-R?B?8NLB18TB?=") == "Правда")
        #expect(EncodedWords.decode("Plain subject") == "Plain subject")
        #expect(EncodedWords.decode("=?bogus") == "=?bogus")
    }

    @Test(
        arguments: [
            ("\"Casey Newton from Platformer\" <casey@platformer.news>", false, "Casey Newton", "Platformer"),
            ("Jane Doe via Neighbourhood Watch <group@lists.example>", true, "Jane Doe", "Neighbourhood Watch"),
            ("Morning Brew <crew@morningbrew.example>", true, nil, "Morning Brew"),
            ("The Daily Digest <digest@example.org>", false, nil, "The Daily Digest"),
            ("Jane Doe <jane@example.org>", false, "Jane Doe", nil),
        ] as [(String, Bool, String?, String?)])
    func senders(from: String, isList: Bool, author: String?, publication: String?) {
        let sender = EmailSender(from: from, isList: isList, listName: nil)
        #expect(sender.author == author)
        #expect(sender.publication == publication)
    }

    @Test func nestedMultipartPrefersHTMLInAlternative() {
        let message = """
            From: Jane Doe <jane@example.org>
            Subject: Test
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/plain

            Plain version of the story about the harbour.
            --b
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            \(Data("<p>HTML version of the story about the harbour.</p>".utf8).base64EncodedString())
            --b--
            """
        let draft = EmailReader.read(message)
        #expect(draft.lines.contains("HTML version of the story about the harbour."))
        #expect(!draft.lines.contains { $0.contains("Plain version") })
    }

    @Test func hiddenElementsAreStripped() {
        let html =
            #"<div style="display: none">Preview text</div><span class="preheader">More preview</span><p>Kept <b>text</b></p><img style="display:none" src="x">"#
        #expect(NewsletterFurniture.stripHidden(html) == "<p>Kept <b>text</b></p>")
    }

    /// Thousands of unclosed hidden elements: linear, not a scan to the end for each.
    @Test func hostileHiddenMarkupIsBounded() {
        let html = String(repeating: "<div style=\"display:none\">x", count: 20_000) + "<p>Story text.</p>"
        #expect(NewsletterFurniture.stripHidden(html).hasSuffix("<p>Story text.</p>"))
    }

    /// Multiparts nested past the depth limit are not read, and nothing crashes.
    @Test func deepNestingStops() {
        var message = "From: A <a@example.org>\nSubject: Deep\n"
        for level in 0..<40 { message += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        message += "Content-Type: text/plain\n\nDeep text.\n"
        let draft = EmailReader.read(message)
        #expect(!draft.lines.contains("Deep text."))
        #expect(draft.metadata.title == "Deep")
    }

    /// A text/plain newsletter loses its tracking links, and lines that were only links.
    @Test func plainTextLinksAreStripped() {
        let lines = [
            "Read the full story <https://t.example/c/abc123>", "[https://t.example/c/def456]",
            "The council met on Monday.", "Sign up: https://t.example/x",
        ]
        #expect(
            NewsletterFurniture.stripLinks(lines) == ["Read the full story", "The council met on Monday.", "Sign up:"])
    }

    @Test func furnitureLinesGo() {
        let lines = [
            "READ IN APP", "The council met on Monday.", "", "Like", "Comment", "Restack", "",
            "Like many towns, it is short of money.", "", "Suite 400, 1 Harbour Road",
        ]
        #expect(
            NewsletterFurniture.strip(lines) == [
                "The council met on Monday.", "", "", "Like many towns, it is short of money.", "",
            ])
    }

    /// A part labelled `us-ascii` that holds UTF-8 reads as UTF-8; a quoted boundary may hold `;`.
    @Test func mislabelledUTF8AndQuotedBoundary() {
        let message = """
            From: Jane Doe <jane@example.org>
            Subject: Zürich
            Content-Type: multipart/mixed; boundary="a;b=c"

            --a;b=c
            Content-Type: text/plain; charset=us-ascii

            Café prices in Zürich rose again this week.
            --a;b=c--
            """
        let draft = EmailReader.read(message)
        #expect(draft.lines.contains("Café prices in Zürich rose again this week."))
        #expect(draft.metadata.encoding == "utf-8")
    }
}
