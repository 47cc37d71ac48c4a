import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import Testing

/// `gazette rebuild`: every original in `archive/` the database lacks is stored again; the
/// originals are never moved or changed.
@Suite struct RebuildTests {
    /// An archive with two days, a duplicate copy, a dotfile and a refused (empty) file.
    static func archive(_ fixture: IntakeFixture) throws -> [String] {
        try fixture.drop("a.txt", articleText(1), in: "state/archive/2026/03/01")
        try fixture.drop("b.txt", articleText(2), in: "state/archive/2026/03/01")
        try fixture.drop("a-copy.txt", articleText(1), in: "state/archive/2026/03/02")
        try fixture.drop(".partial", articleText(3), in: "state/archive/2026/03/02")
        try fixture.drop("empty.txt", [UInt8](), in: "state/archive/2026/03/02")
        return try ArchivedFile.list(fixture.configuration.archiveDirectory)
    }

    @Test func theListingIsSortedAndLeavesOutDotfiles() throws {
        let fixture = try IntakeFixture()
        #expect(
            try Self.archive(fixture) == [
                "2026/03/01/a.txt", "2026/03/01/b.txt", "2026/03/02/a-copy.txt", "2026/03/02/empty.txt",
            ])
    }

    @Test func missingArticlesAreStoredOnceAndTheOriginalsStayUntouched() async throws {
        let fixture = try IntakeFixture()
        let archive = fixture.configuration.archiveDirectory
        let files = try Self.archive(fixture)
        let before = try files.map { try FileManager.default.attributesOfItem(atPath: archive + "/" + $0) }
        let service = fixture.service()

        var outcomes: [String] = []
        for relative in files {
            let file = try #require(ArchivedFile(archive: archive, relativePath: relative))
            switch await service.rebuild(file) {
            case .stored(_, let path): outcomes.append("stored " + (path ?? "-"))
            case .duplicate: outcomes.append("duplicate")
            case .failed(let refusal, let path): outcomes.append("failed \(refusal.stage) \(path ?? "-")")
            case let other: outcomes.append("\(other)")
            }
        }
        #expect(
            outcomes == [
                "stored \(archive)/2026/03/01/a.txt", "stored \(archive)/2026/03/01/b.txt", "duplicate",
                "failed read -",
            ])
        let after = try files.map { try FileManager.default.attributesOfItem(atPath: archive + "/" + $0) }
        #expect(before.map { $0[.modificationDate] as? Date } == after.map { $0[.modificationDate] as? Date })
        #expect(before.map { $0[.size] as? Int } == after.map { $0[.size] as? Int })
        #expect(fixture.entries("failed").isEmpty)
        #expect(fixture.entries("work").isEmpty)

        // Stored with the archive's day as ingest time, no failure row or sighting: a second run adds nothing.
        let status = try fixture.database.status()
        #expect(status.articles == 2)
        #expect(status.failed == 0)
        #expect(status.duplicates == 0)
        let day = Date(timeIntervalSince1970: 1_772_323_200)  // 2026-03-01T00:00:00Z
        for id: Int64 in [1, 2] {
            let details = try #require(try fixture.database.articleDetails(id: id))
            #expect(details.ingestedAt == day)
            #expect(details.archivePath?.hasPrefix(archive + "/2026/03/01/") == true)
        }
        for relative in files {
            let file = try #require(ArchivedFile(archive: archive, relativePath: relative))
            let outcome = await service.rebuild(file)
            if case .stored = outcome { Issue.record("\(relative) stored twice") }
        }
        #expect(try fixture.database.status().articles == 2)
    }

    @Test func anArchivedFileCountsAsIngestedWhenItWasArchived() throws {
        let fixture = try IntakeFixture()
        let archive = fixture.configuration.archiveDirectory
        try fixture.drop("old.txt", articleText(1), in: "state/archive/2020/01/02")
        try fixture.drop("odd.txt", articleText(2), in: "state/archive/misc")
        let old = try #require(ArchivedFile(archive: archive, relativePath: "2020/01/02/old.txt"))
        // Written today, so its change time is not on 2020-01-02: the day's start stands in.
        #expect(old.archivedAt == Date(timeIntervalSince1970: 1_577_923_200))
        let odd = try #require(ArchivedFile(archive: archive, relativePath: "misc/odd.txt"))
        #expect(abs(odd.archivedAt.timeIntervalSinceNow) < 600)
        #expect(ArchivedFile(archive: archive, relativePath: "2020/01/02/none.txt") == nil)
    }
}
