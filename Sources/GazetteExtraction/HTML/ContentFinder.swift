/// Finds a page's main text by scoring, not by tag name.
///
/// Each text block is worth its length when it reads as prose, nothing when it is a heading,
/// and a loss when it is a link list, a short label or furniture (menus, share bars, comments,
/// related links, captions: ``ElementHints``). An element scores the sum over the blocks
/// inside it, so the best element holds the most prose for the least clutter. From there the
/// finder steps down into a child that holds nearly all of the prose when what it leaves
/// behind is link-heavy (a list of related-story cards beside the article), and it falls back
/// to the whole page when nothing reads as an article. Inside the chosen element, furniture
/// and link lists are dropped.
struct ContentFinder {
    let doc: HTMLDocument
    let blocks: [TextBlock]
    /// Per node: whether it lies in furniture.
    private(set) var furniture: [Bool] = []

    /// Prose characters that make a page an article rather than a list of links.
    static let minimumProse = 250.0

    init(doc: HTMLDocument, blocks: [TextBlock]) {
        self.doc = doc
        self.blocks = blocks
        furniture = markFurniture()
    }

    /// Value of a block before furniture is known.
    static func rawValue(_ block: TextBlock) -> Double {
        if block.isHeading { return 0 }
        let chars = Double(block.chars)
        if block.linkDensity > 0.5 { return -chars }
        return block.looksLikeProse ? chars : -0.3 * chars
    }

    /// Whether a block is left out of the text of the chosen element.
    func dropped(_ block: TextBlock) -> Bool {
        furniture[block.owner] || (block.linkDensity > 0.5 && !block.isHeading) || (block.isHeading && block.linkDensity > 0.8)
    }

    /// Sums per-block values over every element's subtree (parents come before children).
    func subtreeSums(_ value: (TextBlock) -> Double) -> [Double] {
        var sums = [Double](repeating: 0, count: doc.count)
        for block in blocks { sums[block.owner] += value(block) }
        for i in stride(from: doc.count - 1, to: 0, by: -1) where doc[i].parent >= 0 { sums[doc[i].parent] += sums[i] }
        return sums
    }

    /// Furniture marks, inherited by descendants. A `likely` mark on an element holding more
    /// than half of the page's prose is wrong (a layout class such as `has-sidebar`) and ignored.
    private func markFurniture() -> [Bool] {
        let prose = subtreeSums { max(0, Self.rawValue($0)) }
        let total = max(prose[0], 1)
        var marks = [Bool](repeating: false, count: doc.count)
        for i in 1..<doc.count {
            let node = doc[i]
            guard !node.isText, node.name != "body", node.name != "html" else { continue }
            if marks[node.parent] { marks[i] = true; continue }
            switch ElementHints.furniture(node) {
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
        let value: (TextBlock) -> Double = { furniture[$0.owner] ? -0.2 * Double($0.chars) : Self.rawValue($0) }
        var scores = subtreeSums(value)
        let prose = subtreeSums { furniture[$0.owner] ? 0 : max(0, Self.rawValue($0)) }
        for i in 1..<doc.count where !doc[i].isText && ElementHints.isContent(doc[i]) { scores[i] += 0.2 * prose[i] }
        var best = 0
        for i in 1..<doc.count where !doc[i].isText && !furniture[i] && scores[i] >= scores[best] { best = i }
        guard prose[best] >= Self.minimumProse else { return 0 }
        return narrowed(best, prose: prose)
    }

    /// Steps down from `element` into a child holding most of its prose while what the child
    /// leaves out is mostly links.
    private func narrowed(_ element: Int, prose: [Double]) -> Int {
        let chars = subtreeSums { furniture[$0.owner] ? 0 : Double($0.chars) }
        let links = subtreeSums { furniture[$0.owner] ? 0 : Double($0.linkChars) }
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

    /// The kept blocks inside `element`, in page order.
    func text(of element: Int) -> [TextBlock] {
        let end = doc[element].end
        return blocks.filter { $0.owner >= element && $0.owner < end && !dropped($0) }
    }
}
