import Foundation
import GazetteIntake
import GazetteStore
import Glibc
import Testing

@Suite struct RescanTests {
    /// The periodic rescan never claims a file that is still being written; inotify reports it
    /// once it is closed, whole.
    @Test(.timeLimit(.minutes(1))) func rescanLeavesAFileBeingWrittenAlone() async throws {
        let fixture = try IntakeFixture {
            $0.rescanInterval = .milliseconds(20)
            $0.settleTime = .seconds(5)
        }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        let text = articleText(40)
        let half = text.index(text.startIndex, offsetBy: text.count / 2)
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            let path = fixture.configuration.inbox + "/slow.txt"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            #expect(descriptor >= 0)
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: Data(text[..<half].utf8))
            // Many rescans pass while the writer holds the file open.
            try await Task.sleep(for: .milliseconds(300))
            #expect(fixture.entries("inbox") == ["slow.txt"])
            try handle.write(contentsOf: Data(text[half...].utf8))
            try handle.close()
            #expect(await IntakeFixture.eventually { service.counters.ingested == 1 })
        }
        let archived = try #require(fixture.entries("archive").first)
        let bytes = FileManager.default.contents(atPath: fixture.configuration.archiveDirectory + "/" + archived)
        #expect(bytes == Data(text.utf8))
    }

    /// A FIFO or symlink made in the inbox is never "closed after writing": it is refused as
    /// soon as it appears, not at the next rescan.
    @Test(.timeLimit(.minutes(1))) func specialFilesAreRefusedWhenCreated() async throws {
        let fixture = try IntakeFixture()
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            #expect(mkfifo(fixture.configuration.inbox + "/pipe.txt", 0o644) == 0)
            #expect(symlink("/etc/hostname", fixture.configuration.inbox + "/link.txt") == 0)
            #expect(await IntakeFixture.eventually { service.counters.failed == 2 })
        }
        #expect(fixture.names("failed") == ["link.txt", "pipe.txt"])
    }

    /// Regression: `ln` makes only IN_CREATE, so a hard link waited for the five-minute rescan,
    /// and a link to a file its dropper could not read (say, one root linked to /etc/shadow) was
    /// stored as an article.
    @Test(.timeLimit(.minutes(1))) func hardLinksAreRefusedAtOnce() async throws {
        let fixture = try IntakeFixture { $0.rescanInterval = .seconds(3600) }
        let elsewhere = try fixture.drop("secret.txt", articleText(40), in: "elsewhere")
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let service = fixture.service { readyContinuation.yield() }
        try await fixture.whileRunning(service) {
            for await _ in ready { break }
            #expect(link(elsewhere, fixture.configuration.inbox + "/secret.txt") == 0)
            #expect(await IntakeFixture.eventually(within: 20) { service.counters.failed == 1 })
        }
        #expect(fixture.names("failed") == ["secret.txt"])
        #expect(try fixture.database.status().articles == 0)
        let report = try fixture.errorReport("secret.txt")
        #expect((report["reason"] as? String)?.contains("copy the file into the inbox instead of linking it") == true)
        #expect(report["sha256"] == nil || report["sha256"] is NSNull)
    }
}
