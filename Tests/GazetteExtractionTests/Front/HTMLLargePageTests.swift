import Testing

@testable import GazetteExtraction

/// Pages of megabytes: every pass of the reader is a loop over the node array, so what comes
/// out is whole and the caps hold. (Behaviour only: the speed is `gazette-tools bench --html-size`.)
@Suite("HTML: large pages")
struct HTMLLargePageTests {
    static func page(_ body: String) -> String {
        "<!DOCTYPE html><html><head><title>Report</title></head><body>\(body)</body></html>"
    }

    /// The reader's paragraphs, without the blank lines between them.
    static func paragraphs(_ html: String) -> [String] { HTMLReader.read(html).lines.filter { !$0.isEmpty } }

    @Test func manySmallParagraphsComeOutWhole() {
        let count = 30_000
        let html = Self.page(
            "<article>"
                + (0..<count).map { "<p>Paragraph \($0) of the council's long report on the river.</p>" }
                .joined() + "</article>")
        #expect(html.utf8.count > 1_500_000)
        let paragraphs = Self.paragraphs(html)
        #expect(paragraphs.count == count)
        #expect(paragraphs.last == "Paragraph \(count - 1) of the council's long report on the river.")
    }

    @Test func oneHugeTextNodeComesOutWhole() {
        let sentence = "The council met again on Tuesday to hear the report. "
        let html = Self.page("<p>" + String(repeating: sentence, count: 50_000) + "</p>")
        #expect(html.utf8.count > 2_500_000)
        #expect(Self.paragraphs(html) == [String(String(repeating: sentence, count: 50_000).dropLast())])
    }

    @Test func oneHugeTableComesOutWhole() {
        let rows = (0..<20_000).map { "<tr><td>River level at gauge \($0)</td><td>\($0 % 97) cm</td></tr>" }
        let paragraphs = Self.paragraphs(Self.page("<table>" + rows.joined() + "</table>"))
        #expect(paragraphs.joined(separator: "\n").contains("River level at gauge 19999 \(19_999 % 97) cm"))
    }

    /// Past the node cap the rest of the page is left out; what came before it is kept.
    @Test func nodeCapIsRespected() {
        let html = Self.page((0..<5_000).map { "<p>Item \($0) of the list.</p>" }.joined())
        let document = HTMLDocument(html: html, maxNodes: 1_000)
        #expect(document.count == 1_000)
        #expect(HTMLDocument(html: html).count > 10_000)
        let texts = (0..<document.count).filter { document[$0].isText }.map { document[$0].text }
        #expect(texts.contains("Item 0 of the list."))
        #expect(!texts.contains("Item 4999 of the list."))
    }
}
