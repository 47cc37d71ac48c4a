import Foundation

/// Reads a web page (or an e-mail's HTML part): parses it with libxml2 (``HTMLDocument``),
/// finds its main text by scoring (``ContentFinder``) and its metadata with the source of
/// each field (``PageMetadata``).
package enum HTMLReader {
    /// `rules`: keep the horizontal rules inside the text as ``TextBlock/rule`` lines (an
    /// e-mail's story separators, for ``NewsletterDigest``). `latest`: the latest publication
    /// time the page may claim (its file's time and a day); later dates are passed over.
    package static func read(_ html: String, rules: Bool = false, latest: Date? = nil) -> ArticleDraft {
        let doc = HTMLDocument(html: html)
        guard doc.count > 1 else { return ArticleDraft(lines: []) }
        let finder = ContentFinder(doc: doc, blocks: TextBlock.blocks(of: doc, rules: rules))
        let facts = PageFacts(doc, furniture: finder.furniture, html: html)
        var draft = ArticleDraft(lines: [])
        let jsonLD = JSONLDArticle(scripts: facts.jsonLD)
        let main = finder.mainElement()
        draft.metadata = PageMetadata.read(
            facts, jsonLD: jsonLD, nearby: nearby(finder, facts: facts, main: main), latest: latest)
        var blocks = finder.text(of: main)
        // The headline heading the text is the title, not a paragraph; a rule above the text
        // separates nothing.
        let headings = Set(
            ([draft.metadata.title] + facts.h1.map(\.text)).compactMap { $0.map(PageMetadata.normalised) })
        while let first = blocks.first,
            first.isRule
                || (first.isHeading || first.chars <= 300) && headings.contains(PageMetadata.normalised(first.text))
        {
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
        if !blocks.contains(where: { !$0.isRule }),
            let description = ["og:description", "description", "twitter:description"].lazy.compactMap({
                facts.metas[$0]
            }).first
        {
            // A page with no text of its own (rendered by scripts) still describes itself.
            draft.lines = [HTMLDocument.collapse(description)]
        }
        return draft
    }

    /// Short lines of the whole page (furniture too) nearest the headline, or the start of the
    /// text without one, nearest first: where bylines and datelines are.
    static func nearby(_ finder: ContentFinder, facts: PageFacts, main: Int) -> [String] {
        let blocks = finder.blocks
        let end = finder.doc[main].end
        let start = blocks.firstIndex { $0.owner >= main && $0.owner < end } ?? 0
        let heading = facts.h1.first.flatMap { h1 in blocks.firstIndex { $0.owner == h1.index } }
        let anchor = heading ?? start
        let window = max(0, anchor - 12)..<min(blocks.count, anchor + 13)
        return window.sorted {
            abs($0 - anchor) * 2 + ($0 < anchor ? 0 : 1) < abs($1 - anchor) * 2 + ($1 < anchor ? 0 : 1)
        }
        .filter { !blocks[$0].isRule }.map { blocks[$0].text }.filter { $0.count <= 150 }
    }
}
