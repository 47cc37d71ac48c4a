import Foundation
import Testing

@testable import GazetteDigest

/// Links from a digest to archived files: relative to the digest folder, percent-encoded, the
/// same whether a folder was resolved before or not.
@Suite struct FileLinkTests {
    @Test func linksFromTheDigestFolderToArchivedFiles() {
        var link = FileLink(from: "/srv/gazette/digests")
        #expect(link.to("/srv/gazette/archive/2026/03/01/a b.txt") == "../archive/2026/03/01/a%20b.txt")
        #expect(link.to("/srv/gazette/archive/2026/03/01/c(1).txt") == "../archive/2026/03/01/c%281%29.txt")
        #expect(link.to("/srv/gazette/archive/2026/03/02/../01/d.txt") == "../archive/2026/03/01/d.txt")
        #expect(link.to("/a.txt") == "../../../a.txt")
        var absolute = FileLink(from: nil)
        #expect(absolute.to("/srv/gazette/archive/x y.txt") == "/srv/gazette/archive/x%20y.txt")
        let resolved = FileLink.absolute("inbox/e.txt")
        #expect(absolute.to("inbox/e.txt") == resolved.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
    }
}
