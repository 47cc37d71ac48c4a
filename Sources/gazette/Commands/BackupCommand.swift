import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteStore

/// `gazette backup DEST`: a consistent, checked copy of the database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file, consistently, even while the daemon runs.",
        discussion: """
            Uses SQLite's online backup API: the copy is the database as of one moment, made without \
            stopping the daemon. It is one self-contained file (no -wal), verified with SQLite's quick_check \
            before it takes its name. DEST may be a folder: the copy is then named gazette-YYYYMMDDTHHMMSSZ.sqlite \
            in it. An existing file is replaced only with --force. To restore: stop the daemon, delete \
            gazette.sqlite-wal and gazette.sqlite-shm in the state folder, copy the backup over gazette.sqlite, \
            start the daemon, and run `gazette rebuild` to add the articles archived since the backup.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Replace DEST if it exists.")
    var force = false

    @Argument(help: ArgumentHelp("The backup file to write, or a folder to write it in.", valueName: "DEST"))
    var destination: String

    func run() async throws {
        let configuration = try await global.resolve()
        let database = try StoreAccess.openDatabase(configuration)
        var path = destination
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path = (path as NSString).appendingPathComponent("gazette-\(Self.stamp(Date())).sqlite")
        }
        if !force, FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("\(path) exists; choose another name, or replace it with --force.")
        }
        let result = try await StoreAccess.attempt { [path, force] in try database.backup(to: path, replacing: force) }
        print(
            "backed up \(result.articles) articles to \(result.path)"
                + " (\(ByteCountFormatter.string(fromByteCount: result.bytes, countStyle: .file)), quick_check ok)")
    }

    /// `20261203T145000Z`.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
