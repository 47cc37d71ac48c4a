import Foundation
import GazetteTestSupport
import Glibc
import Testing

/// Issue 14.8 and 14.10 through the real binary: a database deleted under the daemon stops it
/// loudly, and `gazette doctor`, `backup` and `rebuild` bring everything back.
@Suite(.serialized) struct RecoveryEndToEndTests {
    static func articles(_ sandbox: DaemonSandbox) async throws -> Int {
        let status = try await DaemonEndToEndTests.status(sandbox)
        return status["articles"] as? Int ?? -1
    }

    @Test(.timeLimit(.minutes(5))) func aDeletedDatabaseStopsTheDaemonAndRebuildRestoresEveryArticle() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let database = sandbox.state + "/gazette.sqlite"
        try sandbox.drop("first.txt", DaemonEndToEndTests.article(1))
        try sandbox.drop("second.txt", DaemonEndToEndTests.article(2))

        let daemon = try await DaemonProcess(sandbox)
        #expect(await eventually(timeout: 120) { sandbox.files(in: sandbox.archive).count == 2 })
        let doctor = try await GazetteBinary.run(["doctor"] + sandbox.arguments)
        #expect(doctor.status == 0, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("a daemon is running on this state folder (pid \(daemon.pid))"))
        let backup = try await GazetteBinary.run(["backup", sandbox.root + "/backup.sqlite"] + sandbox.arguments)
        #expect(backup.status == 0)
        #expect(backup.stdout.hasPrefix("backed up 2 articles to \(sandbox.root)/backup.sqlite"))

        #expect(unlink(database) == 0)
        try sandbox.drop("third.txt", DaemonEndToEndTests.article(3))
        let status = await daemon.waitForExit(timeout: 60)
        #expect(status != nil && status != 0, "log: \(daemon.log.suffix(2000))")
        #expect(daemon.log.contains("was deleted while Gazette was running"))
        #expect(daemon.log.contains("gazette rebuild"))
        // Nothing was archived after the loss: the new file waits in the inbox or work/.
        #expect(sandbox.files(in: sandbox.archive).count == 2)

        let restarted = try await DaemonProcess(sandbox)
        #expect(await eventually(timeout: 120) { sandbox.files(in: sandbox.archive).count == 3 })
        #expect(try await Self.articles(sandbox) == 1)
        let lost = try await GazetteBinary.run(["doctor", "--json"] + sandbox.arguments)
        #expect(lost.status == 1)
        #expect(lost.stdout.contains("\"healthy\" : false"))
        #expect(lost.stdout.contains("2 of the 3 most recently archived originals are not in the database"))

        let rebuild = try await GazetteBinary.run(["rebuild"] + sandbox.arguments)
        #expect(rebuild.status == 0, "\(rebuild.stdout)\(rebuild.stderr)")
        #expect(rebuild.stdout.contains("/first.txt: restored as article"))
        #expect(
            rebuild.stdout.contains(
                "restored 2, already stored 1, not restored 0 (refused 0, store or disk errors 0, crashed 0) of 3 archived files"
            ))
        #expect(try await Self.articles(sandbox) == 3)
        let again = try await GazetteBinary.run(["rebuild"] + sandbox.arguments)
        #expect(again.stdout.contains("restored 0, already stored 3"))
        let healthy = try await GazetteBinary.run(["doctor"] + sandbox.arguments)
        #expect(healthy.status == 0, "\(healthy.stdout)")

        restarted.signal(SIGTERM)
        #expect(await restarted.waitForExit() == 0)
        let stopped = try await GazetteBinary.run(["doctor"] + sandbox.arguments)
        #expect(stopped.stdout.contains("no daemon is running on this state folder"))
    }

    @Test(.timeLimit(.minutes(2))) func aSecondDaemonOnTheSameStateFolderRefusesToStart() async throws {
        let sandbox = try DaemonSandbox()
        defer { sandbox.remove() }
        let first = try await DaemonProcess(sandbox)
        #expect(
            await eventually(timeout: 60) {
                FileManager.default.fileExists(atPath: sandbox.state + "/gazette.pid")
            })
        let second = try await DaemonProcess(sandbox)
        #expect(await second.waitForExit(timeout: 60) == 1)
        #expect(second.log.contains("Another Gazette daemon (pid \(first.pid)) is running"))
        #expect(first.isRunning)
    }
}
