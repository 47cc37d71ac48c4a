import Foundation
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import Testing

/// 300 files of every kind, some present before the start and some dropped while the service
/// runs: each ends up in exactly one right place with the right rows.
@Suite struct MixedInboxTests {
    private struct Plan {
        var archived: [String] = []
        var failed: [String] = []
        var partial: [String] = []
    }

    /// Drops the files numbered `range` of the mix; returns where each should end up.
    private func dropMix(_ range: Range<Int>, into fixture: IntakeFixture, plan: inout Plan) throws {
        let inbox = fixture.configuration.inbox
        for n in range {
            let name: String
            switch n % 20 {
            case 0..<12:  // 180 good articles
                name = "good-\(n).txt"
                try fixture.drop(name, articleText(n))
                plan.archived.append(name)
            case 12, 13:  // 30 duplicates of good articles, under other names
                name = "copy-\(n).txt"
                try fixture.drop(name, articleText(n - 12))
                plan.archived.append(name)
            case 14:
                name = "empty-\(n).txt"
                try fixture.drop(name, "")
                plan.failed.append(name)
            case 15:
                name = "binary-\(n).txt"
                try fixture.drop(
                    name, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0] + Array(repeating: UInt8(n % 256), count: 64))
                plan.failed.append(name)
            case 16:
                name = "oversize-\(n).txt"
                try fixture.drop(name, String(repeating: articleText(n), count: 20))
                plan.failed.append(name)
            case 17:
                name = n % 40 < 20 ? "link-\(n).txt" : "fifo-\(n).txt"
                if n % 40 < 20 {
                    #expect(symlink(fixture.folder.path("elsewhere/target.txt"), inbox + "/" + name) == 0)
                } else {
                    #expect(mkfifo(inbox + "/" + name, 0o644) == 0)
                }
                plan.failed.append(name)
            case 18:
                name = "partial-\(n).txt"
                try fixture.drop(name + ".part", articleText(n))
                plan.partial.append(name)
                plan.archived.append(name)
            default:
                name = "latin1-\(n).txt"
                let text = articleText(n) + "\nA café in Zürich, said the señora.\n"
                try fixture.drop(name, Array(text.data(using: .isoLatin1)!))
                plan.archived.append(name)
            }
        }
    }

    @Test(.timeLimit(.minutes(3))) func everyFileEndsInExactlyOnePlace() async throws {
        let fixture = try IntakeFixture {
            $0.maxFileSize = 4096
            $0.queueCapacity = 16
        }
        try fixture.drop("target.txt", articleText(999), in: "elsewhere")
        var plan = Plan()
        try dropMix(0..<140, into: fixture, plan: &plan)

        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        let early = plan
        let late = try await fixture.whileRunning(service) {
            for await _ in ready { break }
            var late = Plan()
            try dropMix(140..<300, into: fixture, plan: &late)
            let inbox = fixture.configuration.inbox
            for name in early.partial + late.partial {
                try FileManager.default.moveItem(atPath: inbox + "/" + name + ".part", toPath: inbox + "/" + name)
            }
            let settled = await IntakeFixture.eventually(within: 120) {
                let counters = service.counters
                return counters.ingested + counters.duplicates + counters.failed == 300
                    && fixture.entries("inbox").isEmpty && fixture.entries("work").isEmpty
            }
            #expect(settled, "\(service.counters)")
            return late
        }

        #expect(fixture.names("archive") == (early.archived + late.archived).sorted())
        #expect(fixture.names("failed") == (early.failed + late.failed).sorted())
        #expect(fixture.entries("failed").filter { $0.hasSuffix(".error.json") }.count == 60)
        #expect(fixture.entries("inbox").isEmpty)
        #expect(fixture.entries("work").isEmpty)

        let status = try fixture.database.status()
        #expect(status.articles == 180 + 15 + 15)
        #expect(status.duplicates == 30)
        #expect(status.failed == 60)
        #expect(service.counters.ingested == 210)
        #expect(service.counters.duplicates == 30)
        #expect(service.counters.failed == 60)
    }
}
