import Foundation

/// What an element's name, role, class and id say about it: block or inline, page furniture
/// (menus, share bars, comments, related links …) or article text.
enum ElementHints {
    /// Elements that start and end a line of text.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5",
        "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "caption", "thead", "tbody", "tfoot",
        "figure", "figcaption", "form", "fieldset", "address", "hr", "body", "html", "center", "details", "summary",
        "menu", "dialog", "legend", "option", "hgroup", "picture",
    ]
    /// Table cells: separated by a space on their row's line.
    static let cells: Set<String> = ["td", "th"]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Elements that are furniture by name alone.
    static let furnitureTags: Set<String> = [
        "nav", "aside", "footer", "figcaption", "figure", "dialog", "menu", "form",
    ]
    /// Inline controls whose own words are not article text (a block inside one still is: an
    /// unclosed `<button>` can hold the rest of the page).
    static let controls: Set<String> = ["button", "label", "input", "option"]
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
        "toolbar", "tablist", "button",
    ]
    /// Class and id words that mark furniture wherever they appear in a word (`relatedArticles`,
    /// `social-share`, `wp-caption`).
    static let furnitureParts = ClassKey.bytes([
        "comment", "related", "share", "sharing", "social", "newsletter", "promo", "sidebar",
        "footer", "breadcrumb", "byline", "caption", "subscribe", "signup", "advert", "sponsor", "recommend",
        "outbrain", "taboola", "popular", "trending", "masthead", "widget", "skiplink", "paywall",
        "toolbar", "navbar", "navigation", "subnav", "dropdown", "login", "signin", "tagcloud", "taglist", "pagination",
        "pager", "sr-only", "sronly", "visuallyhidden", "visually-hidden", "screenreader", "screen-reader", "readmore",
        "morestories", "moreon", "author-bio", "authorbio", "author-info", "bio-box", "newsticker", "ticker",
        "carousel",
        "credit", "metabar", "print-only", "inline-ad", "ad-slot", "adslot", "adunit", "ad-container",
    ])
    /// Class and id words of comment threads and pop-ups (cookie notices), furniture however
    /// much text they hold.
    static let certainParts = ClassKey.bytes([
        "comments", "commentlist", "comment-list", "comment-respond", "disqus", "respond", "cookie", "consent", "gdpr",
        "modal", "popup", "lightbox",
    ])
    /// Class and id words that mark furniture only as a whole word.
    /// Class and id words that mark furniture only as a whole word or a whole part of one
    /// (`post-tags`, `ad-slot`, not `tag-politics`, `head`).
    static let furnitureWords = ClassKey.bytes([
        "nav", "menu", "ad", "ads", "adv", "tags", "meta", "aside", "rail", "hdn", "banner", "topics", "keywords",
        "author", "authors", "contributor", "more", "links", "timestamp", "date", "published", "updated", "also",
        "nocontent", "noprint", "print", "header", "masthead", "utility", "tools",
    ])
    /// Class and id words of an article's text container.
    static let contentParts = ClassKey.bytes([
        "articlebody", "article-body", "article__body", "story-body", "entry-content", "post-content", "post-body",
        "story-content", "article-content", "articletext", "article-text", "body-text", "main-content", "storytext",
        "story-text",
    ])

    enum Furniture { case none, likely, certain }

    /// Class and id words of byline and date elements (for the metadata).
    static let bylineParts = ClassKey.bytes(["byline", "author", "byl", "writer", "contributor"])
    static let notBylineParts = ClassKey.bytes(["bio", "avatar", "image", "photo", "img", "about", "more"])
    static let dateParts = ClassKey.bytes(["date", "time", "publish", "posted", "dateline"])
    static let updateParts = ClassKey.bytes(["update", "modif"])

    /// Whether an element is furniture by its name, role, class or id: `certain` for comment
    /// threads and hidden elements, `likely` for the rest (the finder overrules a likely mark
    /// on an element that holds most of the page's text).
    static func furniture(_ node: HTMLDocument.Node, key: ClassKey) -> Furniture {
        if node.attribute("hidden") != nil { return .certain }
        if let style = node.attribute("style")?.lowercased(),
            style.contains("display:none") || style.contains("display: none")
        {
            return .certain
        }
        if furnitureTags.contains(node.name) { return .likely }
        if let role = node.attribute("role")?.lowercased(), furnitureRoles.contains(role) { return .likely }
        if node.attribute("aria-hidden") == "true" { return .likely }
        guard !key.isEmpty, !key.contains(any: contentParts) else { return .none }
        if key.contains(any: certainParts) { return .certain }
        return key.contains(any: furnitureParts) || key.contains(word: furnitureWords) ? .likely : .none
    }

    /// Where an element draws a horizontal rule across the text: an e-mail's story separators.
    struct Rule: OptionSet {
        let rawValue: UInt8
        /// Above its content: `<hr>`, a top border, a divider class or a thin filled bar.
        static let before = Rule(rawValue: 1)
        /// Below its content: a bottom border.
        static let after = Rule(rawValue: 2)
    }

    /// Class and id words of divider elements.
    static let ruleWords = ClassKey.bytes(["divider", "separator", "hr", "rule"])

    /// The rules an element draws: `<hr>`; `border-top` or `border-bottom` in its style (not
    /// `none`, `0` or `hidden`); a divider class; a filled bar at most 4 pixels high
    /// (`height:1px;background:#ddd`).
    static func rule(_ name: String, attributes: [(name: String, value: String)], key: ClassKey) -> Rule {
        if name == "hr" { return .before }
        var rule: Rule = key.contains(word: ruleWords) ? .before : []
        guard let style = attributes.first(where: { $0.name == "style" })?.value, style.utf8.count < 2_000 else {
            return rule
        }
        // `property: value` pairs, lower-cased and trimmed.
        let declarations = style.lowercased().split(separator: ";").compactMap { declaration in
            declaration.firstIndex(of: ":").map {
                (
                    property: declaration[..<$0].trimmingCharacters(in: .whitespacesAndNewlines),
                    value: declaration[declaration.index(after: $0)...].trimmingCharacters(in: .whitespacesAndNewlines)
                )
            }
        }
        func draws(_ property: String) -> Bool {
            guard let value = declarations.last(where: { $0.property == property })?.value,
                let first = value.split(separator: " ").first
            else { return false }
            return !["none", "hidden", "0", "0px", "initial", "unset", "inherit"].contains(first)
        }
        if draws("border-top") { rule.insert(.before) }
        if draws("border-bottom") { rule.insert(.after) }
        if let height = declarations.last(where: { $0.property == "height" })?.value, height.hasSuffix("px"),
            let pixels = Double(height.dropLast(2)), pixels > 0, pixels <= 4,
            declarations.contains(where: { $0.property.hasPrefix("background") })
        {
            rule.insert(.before)
        }
        return rule
    }

    /// Whether the class or id names the article's text (`itemprop=articleBody`, `article-body`).
    static func isContent(_ node: HTMLDocument.Node, key: ClassKey) -> Bool {
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return true }
        return key.contains(any: contentParts)
    }
}
