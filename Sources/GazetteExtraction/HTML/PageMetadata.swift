import Foundation

/// A page's title, authors, publication time and publication name, each from the most
/// reliable place that has it, and the record's source for each.
enum PageMetadata {
    /// `<meta>` keys giving the publication time, most specific first.
    static let publishedKeys = [
        "article:published_time", "og:article:published_time", "og:published_time", "article.published",
        "datepublished",
        "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
        "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date",
        "citation_date", "prism.publicationdate", "originalpublicationdate", "article_date_original", "date",
        "displaydate",
        "cxenseparse:recs:publishtime", "article.created", "created", "og:pubdate", "release_date", "datecreated",
    ]
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified", "lastmod",
        "last-modified",
    ]
    static let authorKeys = [
        "author", "article:author", "og:article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
        "dcterms.creator", "citation_author", "article.author", "cxenseparse:author", "byline",
    ]
    static let titleKeys = [
        "og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title",
    ]

    /// `nearby`: short lines of the page nearest the start of its text, nearest first; `latest`:
    /// the latest publication time the page may claim.
    static func read(_ facts: PageFacts, jsonLD: JSONLDArticle?, nearby: [String], latest: Date?) -> ArticleMetadata {
        var metadata = ArticleMetadata()
        let site = [
            facts.metas["og:site_name"], jsonLD?.publisher, facts.metas["application-name"], facts.metas["publisher"],
        ]
        .compactMap { $0.map(HTMLDocument.collapse) }.first { !$0.isEmpty && $0.count <= 80 }
        metadata.publication = site
        if let (title, source) = title(facts, jsonLD: jsonLD, site: site) {
            metadata.title = title
            metadata.titleSource = source
        }
        if let (authors, source) = authors(facts, jsonLD: jsonLD, site: site, nearby: nearby) {
            metadata.authors = authors
            metadata.authorSource = source
        }
        if let (match, source) = published(facts, jsonLD: jsonLD, nearby: nearby, latest: latest) {
            metadata.publishedAt = match.date
            metadata.publishedOffset = match.offset
            metadata.publishedSource = source
        }
        return metadata
    }

    /// An `<h1>` that the structured titles confirm, else the structured title, else `<title>`
    /// without the site's name, else the first `<h1>`.
    static func title(
        _ facts: PageFacts, jsonLD: JSONLDArticle?, site: String?
    ) -> (String, ExtractionRecord.TitleSource)? {
        let metaTitle = titleKeys.lazy.compactMap { facts.metas[$0].map(HTMLDocument.collapse) }.first { !$0.isEmpty }
        let pageTitle = facts.title.map { SiteName.strip($0, site: site) }.flatMap { $0.isEmpty ? nil : $0 }
        let structured = [metaTitle, jsonLD?.headline, facts.title].compactMap { $0.map(normalised) }
        let headings = facts.h1.map(\.text).filter { !$0.isEmpty && $0.count <= 300 }
        // An `<h1>` the structured titles confirm (not just the site's name inside them), else
        // the page's only `<h1>` when it reads like a headline.
        let confirmed = headings.first { h in
            let heading = normalised(h)
            return h.split(separator: " ").count >= 2
                && structured.contains { $0.contains(heading) && heading.count * 2 >= $0.count || heading.contains($0) }
        }
        if let h1 = confirmed
            ?? (headings.count == 1 && headings[0].split(separator: " ").count >= 4 ? headings[0] : nil)
        {
            return (h1, .heading)
        }
        if let metaTitle { return (SiteName.strip(metaTitle, site: site), .meta) }
        if let headline = jsonLD?.headline { return (SiteName.strip(headline, site: site), .jsonLD) }
        if let pageTitle { return (pageTitle, .titleElement) }
        return headings.first.map { ($0, .heading) }
    }

    static func normalised(_ text: String) -> String {
        HTMLDocument.collapse(text).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
    }

    static func authors(
        _ facts: PageFacts, jsonLD: JSONLDArticle?, site: String?, nearby: [String]
    ) -> ([String], ExtractionRecord.AuthorSource)? {
        let candidates: [([String], ExtractionRecord.AuthorSource)] = [
            (jsonLD?.authors ?? [], .jsonLD),
            (authorKeys.compactMap { facts.metas[$0] }, .meta),
            (facts.markupAuthors, .markup),
            (nearby.compactMap(AuthorNames.afterBy), .byline),
            (facts.bylines, .byline),
        ]
        // A site-wide `<meta name=author>` often names the site itself.
        let host = (facts.canonical ?? facts.metas["og:url"]).map(hostWords) ?? ""
        for (values, source) in candidates {
            var names: [String] = []
            // JSON-LD lists every author; the other sources give one value each, the first naming someone wins.
            for value in values {
                for name in AuthorNames.people(value, site: source == .meta ? site : nil) where !names.contains(name) {
                    if source == .meta, !host.isEmpty,
                        name.lowercased().split(separator: " ").allSatisfy({ host.contains($0) })
                    {
                        continue
                    }
                    names.append(name)
                }
                if !names.isEmpty, source != .jsonLD { break }
            }
            if !names.isEmpty { return (names, source) }
        }
        return nil
    }

    /// The letters of a URL's host name (`www.jobsnhire.com` → `wwwjobsnhirecom`).
    static func hostWords(_ url: String) -> String {
        let host = url.split(separator: "/").dropFirst().first ?? ""
        return host.lowercased().filter(\.isLetter)
    }

    static func published(
        _ facts: PageFacts, jsonLD: JSONLDArticle?, nearby: [String], latest: Date?
    ) -> (DateParser.Match, ExtractionRecord.PublishedSource)? {
        guard let (first, source) = firstPublished(facts, jsonLD: jsonLD, nearby: nearby, latest: latest) else {
            return nil
        }
        var match = first
        let url = (facts.canonical ?? facts.metas["og:url"]).flatMap(PageDates.fromURL)
        if match.offset == 0 {
            // A time stated in UTC: the page's own offset may be given with another of its dates.
            // (A date without a time, or a time without a zone, is the page's own already.)
            let structured =
                ([jsonLD?.published, jsonLD?.modified] + (publishedKeys + modifiedKeys).map { facts.metas[$0] }
                + facts.markupDates + facts.times.map(\.value))
                .compactMap(parse) + facts.stamps
            if let local = structured.first(where: {
                ($0.offset ?? 0) != 0 && abs($0.date.timeIntervalSince(match.date)) < 36 * 3_600
            }) {
                var shifted = match
                shifted.offset = local.offset
                // The day the page shows its readers stays, whatever zone its data speaks.
                if day(of: shifted) == day(of: match) || !shownDays(facts, nearby: nearby).contains(day(of: match)) {
                    match = shifted
                }
            }
        }
        if let url, source != .url, mayBeLocalDay(url.date, of: match), latest.map({ url.date <= $0 }) ?? true {
            // The URL's day is the publisher's own; a UTC time near midnight may fall either side.
            return (url, .url)
        }
        return (match, source)
    }

    /// Whether `day` (midnight UTC of a URL's date) can be the local day of a time given in UTC
    /// or without a zone: the day before when the time is less than 10 hours past midnight (the
    /// zones reach −10, Hawaii), the day after when it is less than 14 hours before the next
    /// (+14). A time at its own offset, and a date without a time, are on the publisher's day.
    static func mayBeLocalDay(_ day: Date, of match: DateParser.Match) -> Bool {
        let midnight = Self.day(of: match)
        let seconds = match.date.timeIntervalSince(midnight)
        guard match.offset == 0 || (match.offset == nil && seconds > 0) else { return false }
        switch day.timeIntervalSince(midnight) {
        case -86_400: return seconds < 10 * 3_600
        case 86_400: return seconds >= 10 * 3_600
        default: return false
        }
    }

    /// The days of the page's date elements and of the date lines near its headline.
    static func shownDays(_ facts: PageFacts, nearby: [String]) -> Set<Date> {
        let dayFirst = !(facts.language?.lowercased().hasPrefix("en-us") ?? false)
        let texts = facts.dateTexts.map(\.text) + nearby.filter { $0.count <= 120 }
        return Set(texts.compactMap { PageDates.fromText($0, dayFirst: dayFirst) }.map(day))
    }

    /// Midnight UTC of the match's day at its own offset.
    static func day(of match: DateParser.Match) -> Date {
        let local = match.date.timeIntervalSince1970 + Double(match.offset ?? 0)
        return Date(timeIntervalSince1970: (local / 86_400).rounded(.down) * 86_400)
    }

    static func parse(_ value: String?) -> DateParser.Match? {
        guard let value, let match = DateParser.parse(HTMLDocument.collapse(value)), PageDates.plausible(match) else {
            return nil
        }
        return match
    }

    /// Structured data first, then markup, the URL, `<time>` elements, date elements, dates
    /// in lines near the headline, the modification time, a date in the image's URL, the
    /// first date-time in the page's source; of each, only a date not after `latest`.
    static func firstPublished(
        _ facts: PageFacts, jsonLD: JSONLDArticle?, nearby: [String], latest: Date?
    ) -> (DateParser.Match, ExtractionRecord.PublishedSource)? {
        func fits(_ match: DateParser.Match) -> Bool { latest.map { match.date <= $0 } ?? true }
        if let match = parse(jsonLD?.published), fits(match) { return (match, .jsonLD) }
        for key in publishedKeys { if let match = parse(facts.metas[key]), fits(match) { return (match, .meta) } }
        for value in facts.markupDates { if let match = parse(value), fits(match) { return (match, .markup) } }
        for script in facts.dataScripts {
            if let match = parse(JSONLDArticle.field("datePublished", in: script)), fits(match) {
                return (match, .markup)
            }
        }
        if let url = facts.canonical ?? facts.metas["og:url"], let match = PageDates.fromURL(url), fits(match) {
            return (match, .url)
        }
        for time in facts.times { if let match = parse(time.value), fits(match) { return (match, .markup) } }
        let dayFirst = !(facts.language?.lowercased().hasPrefix("en-us") ?? false)
        for element in facts.dateTexts {
            if let match = PageDates.fromText(element.text, dayFirst: dayFirst), fits(match) { return (match, .text) }
        }
        for line in nearby where line.count <= 120 && !line.lowercased().contains("updated") {
            if let match = PageDates.fromText(line, dayFirst: dayFirst), fits(match) { return (match, .text) }
        }
        if let match = parse(jsonLD?.modified), fits(match) { return (match, .jsonLD) }
        for key in modifiedKeys { if let match = parse(facts.metas[key]), fits(match) { return (match, .meta) } }
        if let image = facts.metas["og:image"], let match = PageDates.fromURL(image), fits(match) {
            return (match, .url)
        }
        // A date-time in the page's scripts (`showDate("2020/04/17 01:43:09")`).
        if let stamp = facts.stamps.first(where: fits) { return (stamp, .markup) }
        return nil
    }
}
