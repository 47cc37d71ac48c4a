/// Finds a page's main text by scoring, not by tag name.
///
/// Each text block is worth its length when it reads as prose, nothing when it is a heading,
/// and a loss when it is a link list or a short label; inside furniture (menus, share bars,
/// comments, related links, captions: ``ElementHints``) prose counts for little. An element
/// scores the sum over the blocks inside it, so the best element holds the most prose for the
/// least clutter. From there the finder steps down into a child that holds nearly all of the
/// prose when what it leaves behind is link-heavy (related-story cards beside the article),
/// and it falls back to the whole page when nothing reads as an article. Inside the chosen
/// element, furniture and link lists are dropped; the chosen element itself never is, whatever
/// its class says (`id="left-rail"` around an article).
struct ContentFinder {
    let doc: HTMLDocument
    let blocks: [TextBlock]
    /// Per node: its own furniture hint.
    private let hints: [ElementHints.Furniture]
    /// Per node: prose characters in its subtree.
    private let prose: [Double]
    /// Per node: whether it lies in furniture, judged over the whole page.
    let furniture: [Bool]

    /// Prose characters that make a page an article rather than a list of links.
    static let minimumProse = 250.0

    init(doc: HTMLDocument, blocks: [TextBlock]) {
        self.doc = doc
        self.blocks = blocks
        hints = (0..<doc.count).map { doc[$0].furniture }
        prose = Self.subtreeSums(doc, blocks) { max(0, Self.rawValue($0)) }
        furniture = Self.marks(within: 0, doc, hints, prose)
    }

    /// Value of a block outside furniture.
    static func rawValue(_ block: TextBlock) -> Double {
        if block.isHeading { return 0 }
        let chars = Double(block.chars)
        if block.linkDensity > 0.5 { return -chars }
        return block.looksLikeProse ? chars : -0.3 * chars
    }

    /// Sums per-block values over every element's subtree (parents come before children).
    static func subtreeSums(_ doc: HTMLDocument, _ blocks: [TextBlock], _ value: (TextBlock) -> Double) -> [Double] {
        var sums = [Double](repeating: 0, count: doc.count)
        for block in blocks { sums[block.owner] += value(block) }
        for i in stride(from: doc.count - 1, to: 0, by: -1) { sums[doc[i].parent] += sums[i] }
        return sums
    }

    /// Furniture marks inside `root` (not on it), inherited by descendants. A `likely` mark on
    /// an element holding more than half of the root's prose is wrong (a layout class such as
    /// `has-sidebar`) and ignored.
    private func marks(within root: Int) -> [Bool] { Self.marks(within: root, doc, hints, prose) }

    private static func marks(
        within root: Int, _ doc: HTMLDocument, _ hints: [ElementHints.Furniture], _ prose: [Double]
    ) -> [Bool] {
        var marks = [Bool](repeating: false, count: doc.count)
        let total = max(prose[root], 1)
        for i in (root + 1)..<doc[root].end where !doc[i].isText {
            let node = doc[i]
            guard node.name != "body", node.name != "html" else { continue }
            if marks[node.parent] {
                marks[i] = true
                continue
            }
            switch hints[i] {
            case .certain: marks[i] = true
            case .likely: marks[i] = prose[i] < 0.5 * total
            case .none: break
            }
        }
        return marks
    }

    /// The index of the element holding the article's text (0, the document, when nothing
    /// on the page reads as an article).
    func mainElement() -> Int {
        let value: (TextBlock) -> Double = { furniture[$0.owner] ? 0.3 * Self.rawValue($0) : Self.rawValue($0) }
        var scores = Self.subtreeSums(doc, blocks, value)
        for i in 1..<doc.count where doc[i].isContent { scores[i] += 0.2 * prose[i] }
        var best = 0
        for i in 1..<doc.count where !doc[i].isText && hints[i] != .certain && scores[i] >= scores[best] { best = i }
        guard prose[best] >= Self.minimumProse else { return 0 }
        return narrowed(best)
    }

    /// Steps down from `element` into a child holding most of its prose while what the child
    /// leaves out is mostly links.
    private func narrowed(_ element: Int) -> Int {
        let chars = Self.subtreeSums(doc, blocks) { Double($0.chars) }
        let links = Self.subtreeSums(doc, blocks) { Double($0.linkChars) }
        var current = element
        while true {
            var child = current + 1
            var heaviest = -1
            while child < doc[current].end {
                if !doc[child].isText, heaviest < 0 || prose[child] > prose[heaviest] { heaviest = child }
                child = doc[child].end
            }
            guard heaviest >= 0, prose[heaviest] >= 0.75 * prose[current] else { return current }
            let restChars = chars[current] - chars[heaviest]
            let restLinks = links[current] - links[heaviest]
            guard restChars <= 0 || restLinks / restChars >= 0.3 else { return current }
            current = heaviest
        }
    }

    /// The kept blocks inside `element`, in page order: not in furniture inside it, not link lists.
    func text(of element: Int) -> [TextBlock] {
        let inside = marks(within: element)
        let end = doc[element].end
        return blocks.filter { block in
            guard block.owner >= element, block.owner < end, !inside[block.owner] else { return false }
            return block.isHeading ? block.linkDensity <= 0.8 : block.linkDensity <= 0.5
        }
    }
}
