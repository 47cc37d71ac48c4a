import Foundation
import GazetteExtraction
import GazetteIntake
import GazetteStore
import GazetteTestSupport
import Glibc
import Testing

@testable import GazetteDaemon

/// `gazette doctor`: each kind of trouble is found, named and given a remedy.
@Suite struct DoctorTests {
    static func configuration(_ folder: TemporaryDirectory) -> GazetteConfiguration {
        var configuration = GazetteConfiguration()
        configuration.inbox = folder.path("inbox")
        configuration.stateDirectory = folder.path("state")
        configuration.digestDirectory = folder.path("digests")
        return configuration
    }

    /// A state folder as the daemon leaves it: folders, a database with one article, its
    /// original archived.
    static func healthyState(_ folder: TemporaryDirectory) throws -> GazetteConfiguration {
        let configuration = configuration(folder)
        try configuration.intake.prepareFolders()
        let database = try GazetteDatabase(path: configuration.databasePath)
        let record = SampleArticles.record()
        let article = SampleArticles.article(record)
        _ = try database.ingest(article)
        let day = configuration.intake.archiveDirectory + "/2026/02/11"
        try FileManager.default.createDirectory(atPath: day, withIntermediateDirectories: true)
        try Data(article.raw).write(to: URL(fileURLWithPath: day + "/article.txt"))
        return configuration
    }

    static func finding(_ report: DoctorReport, _ check: String) -> DoctorFinding? {
        report.findings.first { $0.check == check }
    }

    @Test func aHealthyStateIsSaidToBeSo() throws {
        let folder = try TemporaryDirectory()
        let report = Doctor(configuration: try Self.healthyState(folder)).examine()
        #expect(report.healthy, "\(report.text)")
        #expect(Self.finding(report, "integrity")?.severity == .ok)
        #expect(Self.finding(report, "database")?.summary.contains("1 articles") == true)
        #expect(Self.finding(report, "daemon")?.severity == .note)
        #expect(report.text.hasSuffix("Gazette looks healthy."))
    }

    @Test func aLostDatabaseIsAProblemWithRebuildAsTheRemedy() throws {
        let folder = try TemporaryDirectory()
        let configuration = try Self.healthyState(folder)
        for suffix in ["", "-wal", "-shm"] { unlink(configuration.databasePath + suffix) }
        let report = Doctor(configuration: configuration).examine()
        #expect(!report.healthy)
        let database = try #require(Self.finding(report, "database"))
        #expect(database.severity == .problem)
        #expect(database.advice?.contains("gazette rebuild") == true)

        // A new, empty database beside the archive: the recent originals are missing from it.
        _ = try GazetteDatabase(path: configuration.databasePath)
        let again = try #require(Self.finding(Doctor(configuration: configuration).examine(), "database"))
        #expect(again.severity == .warning)
        #expect(again.summary.contains("1 of the 1 most recently archived originals are not in the database"))
    }

    @Test func aDamagedDatabaseIsAProblem() throws {
        let folder = try TemporaryDirectory()
        let configuration = try Self.healthyState(folder)
        for suffix in ["-wal", "-shm"] { unlink(configuration.databasePath + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: configuration.databasePath))
        let report = Doctor(configuration: configuration).examine()
        let database = try #require(Self.finding(report, "database"))
        #expect(database.severity == .problem)
        #expect(database.advice?.contains("gazette backup") == true)
        #expect(!report.healthy)
    }

    @Test func filesLeftInWorkAndTheInboxWithNoDaemonAreWarnings() throws {
        let folder = try TemporaryDirectory()
        let configuration = try Self.healthyState(folder)
        try Data("x".utf8).write(to: URL(fileURLWithPath: configuration.intake.workDirectory + "/stuck.txt"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: configuration.inbox + "/waiting.txt"))
        try Data("z".utf8).write(to: URL(fileURLWithPath: configuration.intake.failedDirectory + "/bad.txt"))
        try Data("{}".utf8).write(
            to: URL(fileURLWithPath: configuration.intake.failedDirectory + "/bad.txt.error.json"))
        let report = Doctor(configuration: configuration).examine()
        #expect(Self.finding(report, "work")?.severity == .warning)
        #expect(Self.finding(report, "work")?.summary.contains("1 files wait in work/") == true)
        #expect(Self.finding(report, "inbox")?.severity == .warning)
        #expect(Self.finding(report, "failed")?.severity == .note)
        #expect(Self.finding(report, "failed")?.summary.hasPrefix("1 files were refused") == true)
        #expect(!report.healthy)
    }

    @Test func aRunningDaemonIsSeenThroughItsLock() throws {
        let folder = try TemporaryDirectory()
        let configuration = try Self.healthyState(folder)
        #expect(DaemonLock.holder(stateDirectory: configuration.stateDirectory) == .notRunning)
        let lock = try DaemonLock(stateDirectory: configuration.stateDirectory)
        #expect(DaemonLock.holder(stateDirectory: configuration.stateDirectory) == .running(pid: getpid()))
        #expect {
            _ = try DaemonLock(stateDirectory: configuration.stateDirectory)
        } throws: { error in
            "\(error)".contains("Another Gazette daemon (pid \(getpid())) is running")
        }
        let report = Doctor(configuration: configuration).examine()
        #expect(Self.finding(report, "daemon")?.severity == .ok)
        withExtendedLifetime(lock) {}
    }

    @Test func aFileLeftByAnotherUserIsAWarning() throws {
        guard getuid() == 0 else { return }  // only root can give a file away
        let folder = try TemporaryDirectory()
        let configuration = try Self.healthyState(folder)
        #expect(chown(configuration.databasePath + "-shm", 65534, 65534) == 0)
        let folders = try #require(Self.finding(Doctor(configuration: configuration).examine(), "folders"))
        #expect(folders.severity == .warning)
        #expect(folders.summary.contains("gazette.sqlite-shm belongs to"))
        #expect(folders.advice?.contains("chown -R") == true)
    }

    @Test func theJSONHasEveryFinding() throws {
        let folder = try TemporaryDirectory()
        let report = Doctor(configuration: try Self.healthyState(folder)).examine()
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["healthy"] as? Bool == true)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(
            findings.compactMap { $0["check"] as? String } == [
                "folders", "database", "integrity", "disk", "daemon", "work", "failed", "inbox",
            ])
    }
}
