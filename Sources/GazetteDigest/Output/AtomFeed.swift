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
    }

    static func render(_ entries: [Entry], updated: Date) -> String {
        let format = Date.ISO8601FormatStyle()
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Gazette digests</title>
              <id>urn:gazette:digests</id>
              <updated>\(format.format(updated))</updated>
              <author><name>Gazette</name></author>

            """
        for entry in entries.prefix(entryLimit) {
            xml += """
                  <entry>
                    <title>Gazette digest \(escape(entry.stem))</title>
                    <id>urn:gazette:digest:\(escape(entry.stem))</id>
                    <updated>\(format.format(entry.updated))</updated>
                    <link rel="alternate" href="\(escape(entry.file))"/>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
