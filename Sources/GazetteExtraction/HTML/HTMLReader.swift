import Foundation

/// Reads a web page (or an e-mail's HTML part): parses it with libxml2 (``HTMLDocument``),
/// finds its main text by scoring (``ContentFinder``) and its metadata with the source of
/// each field (``PageMetadata``).
package enum HTMLReader {
    package static func read(_ html: String) -> ArticleDraft {
        let doc = HTMLDocument(html: html)
        guard doc.count > 1 else { return ArticleDraft(lines: []) }
        let finder = ContentFinder(doc: doc, blocks: TextBlock.blocks(of: doc))
        let facts = PageFacts(doc, furniture: finder.furniture)
        var draft = ArticleDraft(lines: [])
        let jsonLD = JSONLDArticle(scripts: facts.jsonLD)
        draft.metadata = PageMetadata.read(facts, jsonLD: jsonLD)
        var blocks = finder.text(of: finder.mainElement())
        // The headline heading the text is the title, not a paragraph.
        let headings = Set(([draft.metadata.title] + facts.h1.map(\.text)).compactMap { $0.map(PageMetadata.normalised) })
        while let first = blocks.first, first.isHeading || first.chars <= 300, headings.contains(PageMetadata.normalised(first.text)) {
            blocks.removeFirst()
        }
        if let body = jsonLD?.body, body.count > 3 * max(blocks.reduce(0) { $0 + $1.chars }, 200) {
            // The page shows only a teaser; its structured data holds the whole text.
            draft.lines = body.components(separatedBy: "\n").flatMap { [$0, ""] }
            return draft
        }
        for block in blocks {
            draft.lines += block.text.split(separator: "\n").map(String.init)
            draft.lines.append("")
        }
        return draft
    }
}
