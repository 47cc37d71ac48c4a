/// The metadata-bearing parts of a page, gathered in one pass over its nodes: `<meta>` tags,
/// `<title>`, canonical URL, JSON-LD scripts, headings, microdata (`itemprop`), `rel=author`,
/// byline elements, `<time>` elements and short date-like elements.
struct PageFacts {
    /// `<meta>` contents by lower-case `property`, `name` or `itemprop` (the first of each).
    var metas: [String: String] = [:]
    var title: String?
    var canonical: String?
    var jsonLD: [String] = []
    /// Other JSON scripts: page data of script frameworks (`__NEXT_DATA__`).
    var dataScripts: [String] = []
    /// `<h1>` texts with their node index.
    var h1: [(index: Int, text: String)] = []
    /// Texts of `itemprop=author` and `rel=author` elements.
    var markupAuthors: [String] = []
    /// Texts of elements whose class or id says byline or author.
    var bylines: [String] = []
    /// `datetime` (or `content`) of `itemprop=datePublished` and `<time pubdate>` elements.
    var markupDates: [String] = []
    /// `datetime` of other `<time>` elements, those outside furniture first.
    var times: [(index: Int, value: String)] = []
    /// Short texts of elements whose class or id says date or time, with their node index.
    var dateTexts: [(index: Int, text: String)] = []
    /// `<html lang>`.
    var language: String?
    /// Date-times anywhere in the page's source (``PageDates/stamps(in:limit:)``).
    var stamps: [DateParser.Match] = []

    /// How many of each kind of element text are kept (a page may repeat a class thousands of times).
    static let limit = 12

    init(_ doc: HTMLDocument, furniture: [Bool], html: String) {
        stamps = PageDates.stamps(in: html)
        for i in 1..<doc.count where !doc[i].isText {
            let node = doc[i]
            switch node.name {
            case "meta":
                guard let content = node.attribute("content") else { break }
                for key in ["property", "name", "itemprop"] {
                    if let k = node.attribute(key)?.lowercased(), !k.isEmpty, metas[k] == nil { metas[k] = content }
                }
            case "title" where title == nil:
                title = doc.text(of: i)
            case "link":
                let rel = node.attribute("rel")?.lowercased() ?? ""
                if rel == "canonical", canonical == nil { canonical = node.attribute("href") }
            case "script":
                let type = node.attribute("type")?.lowercased() ?? ""
                if type.contains("ld+json"), jsonLD.count < Self.limit {
                    jsonLD.append(doc.text(of: i, limit: 1 << 20))
                } else if type.contains("json"), dataScripts.count < 4 {
                    dataScripts.append(doc.text(of: i, limit: 4 << 20))
                }
            case "h1" where h1.count < Self.limit:
                h1.append((i, doc.text(of: i)))
            case "html":
                language = language ?? node.attribute("lang")
            default:
                break
            }
            let itemprop = node.attribute("itemprop")?.lowercased()
            if itemprop == "author" || itemprop == "creator" || node.attribute("rel")?.lowercased() == "author",
                markupAuthors.count < Self.limit
            {
                let name = Self.itemName(doc, i) ?? node.attribute("content") ?? doc.text(of: i, limit: 200)
                if !name.isEmpty { markupAuthors.append(name) }
            }
            if itemprop == "datepublished" || (node.name == "time" && node.attribute("pubdate") != nil),
                markupDates.count < Self.limit
            {
                if let value = node.attribute("datetime") ?? node.attribute("content")
                    ?? Optional(doc.text(of: i, limit: 100))
                {
                    markupDates.append(value)
                }
            } else if node.name == "time", let value = node.attribute("datetime"), times.count < Self.limit {
                times.append((i, value))
            }
            if bylines.count < Self.limit, node.name != "meta", node.isByline {
                let text = doc.text(of: i, limit: 300)
                if !text.isEmpty, text.count <= 200 { bylines.append(text) }
            }
            if dateTexts.count < Self.limit, node.isDate {
                // The full date is often the title of a relative one (`title="11 Jul 2020"` on `2h`).
                let text =
                    node.attribute("title").flatMap { $0.count <= 100 && DateParser.parse($0) != nil ? $0 : nil }
                    ?? doc.text(of: i, limit: 120)
                if !text.isEmpty, text.count <= 100 { dateTexts.append((i, text)) }
            }
        }
        settle(doc, furniture: furniture)
    }

    /// Orders what needs the finished walk: times and date elements outside furniture (a
    /// profile's "joined" date, related stories' dates) first; a date element is judged by
    /// where it stands, as its own class (`date`) marks it furniture.
    private mutating func settle(_ doc: HTMLDocument, furniture: [Bool]) {
        times = times.filter { !furniture[$0.index] } + times.filter { furniture[$0.index] }
        let aside = { (element: (index: Int, text: String)) in furniture[doc[element.index].parent] }
        dateTexts = dateTexts.filter { !aside($0) } + dateTexts.filter(aside)
    }

    /// The text of an `itemprop=name` inside a microdata item.
    static func itemName(_ doc: HTMLDocument, _ index: Int) -> String? {
        var i = index + 1
        while i < doc[index].end, i < index + 200 {
            if doc[i].attribute("itemprop")?.lowercased() == "name" {
                let text = doc[i].attribute("content") ?? doc.text(of: i, limit: 200)
                return text.isEmpty ? nil : text
            }
            i += 1
        }
        return nil
    }
}
