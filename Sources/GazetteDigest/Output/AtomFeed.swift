import Foundation

/// `digests.atom`: one entry per digest on disk, newest first, linking to its HTML file (or
/// Markdown when HTML is not written), so a feed reader can subscribe to the digest folder.
struct AtomFeed {
    static let fileName = "digests.atom"
    static let entryLimit = 50

    struct Entry {
        var stem: String
        var file: String
        var updated: Date
        /// Plain text: the digest's counts, biggest story and top headlines.
        var summary: String?
    }

    /// What an entry's summary is made of: read back from a digest's JSON file with nothing
    /// else, so that digests written by earlier versions keep their summaries.
    struct Gist: Decodable {
        var glance: Digest.Glance
        var stories: [Headline]

        struct Headline: Decodable {
            var headline: String
        }

        init(_ digest: Digest) {
            glance = digest.glance
            stories = digest.stories.map { Headline(headline: $0.headline) }
        }
    }

    /// "12 articles from 5 publications. The biggest story: “…”. Also: “…”; “…”."
    static func summary(of gist: Gist) -> String {
        let g = gist.glance
        guard g.articles > 0 else { return "No articles were ingested in this window." }
        var text =
            "\(g.articles) article\(g.articles == 1 ? "" : "s") from \(g.publications) publication\(g.publications == 1 ? "" : "s")."
        if let biggest = g.biggestStory { text += " " + biggest }
        let others = gist.stories.dropFirst().prefix(3).map { "“\($0.headline)”" }
        if !others.isEmpty { text += " Also: " + others.joined(separator: "; ") + "." }
        return text
    }

    /// The feed, its links absolute against `base` (the digest folder's URL, ending in `/`).
    static func render(_ entries: [Entry], updated: Date, base: URL) -> String {
        let format = Date.ISO8601FormatStyle()
        let root = base.absoluteString
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="\(escape(root))">
              <title>Gazette digests</title>
              <id>urn:gazette:digests</id>
              <link rel="self" type="application/atom+xml" href="\(escape(root + fileName))"/>
              <updated>\(format.format(updated))</updated>
              <author><name>Gazette</name></author>

            """
        for entry in entries.prefix(entryLimit) {
            xml += "  <entry>\n"
            xml += "    <title>Gazette digest \(escape(entry.stem))</title>\n"
            xml += "    <id>urn:gazette:digest:\(escape(entry.stem))</id>\n"
            xml += "    <updated>\(format.format(entry.updated))</updated>\n"
            let link = root + (entry.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? entry.file)
            xml += "    <link rel=\"alternate\" href=\"\(escape(link))\"/>\n"
            if let summary = entry.summary { xml += "    <summary type=\"text\">\(escape(summary))</summary>\n" }
            xml += "  </entry>\n\n"
        }
        return xml + "</feed>\n"
    }

    /// Text as XML character data: markup escaped, and the control characters XML 1.0 forbids
    /// (all of C0 but tab, LF and CR, and U+FFFE/U+FFFF) dropped, so that a title cannot make
    /// the feed invalid.
    static func escape(_ text: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF { continue }
            allowed.append(scalar)
        }
        return String(allowed).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
