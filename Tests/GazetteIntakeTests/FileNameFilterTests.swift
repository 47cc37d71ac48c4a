import GazetteIntake
import Testing

@Suite struct FileNameFilterTests {
    @Test(arguments: ["article.txt", "notes.md", "Report 2025.TXT", "no-extension", "a~b.txt"])
    func acceptsOrdinaryNames(_ name: String) {
        #expect(FileNameFilter().accepts(name))
    }

    @Test(arguments: [
        ".hidden.txt", ".", "article.txt.part", "article.tmp", "download.crdownload", ".article.txt.swp",
        "article.txt.swp", "article.txt~", "ARTICLE.PART", "",
    ])
    func ignoresDotfilesAndPartialNames(_ name: String) {
        #expect(!FileNameFilter().accepts(name))
    }

    @Test func includePatternsRestrictNames() {
        let filter = FileNameFilter(includePatterns: ["*.txt", "*.md"])
        #expect(filter.accepts("a.txt"))
        #expect(filter.accepts("b.md"))
        #expect(!filter.accepts("c.html"))
    }

    @Test func ignorePatternsWinOverIncludes() {
        let filter = FileNameFilter(includePatterns: ["*"], ignorePatterns: ["draft-*", "*.bak"])
        #expect(!filter.accepts("draft-budget.txt"))
        #expect(!filter.accepts("old.bak"))
        #expect(filter.accepts("budget.txt"))
    }

    @Test func emptyIncludeListTakesEverything() {
        #expect(FileNameFilter(includePatterns: []).accepts("anything.bin"))
    }
}
