import ArgumentParser
import GazetteDaemon

/// `gazette doctor`: what is wrong with this installation, and what to do about it.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            "Check the database, the state folders, the disk and the inbox, and say what to do about each problem.",
        discussion: """
            Checks that the database opens and passes SQLite's quick_check (stopped after --check-timeout), \
            that the most recently archived originals are stored, the free space on the state folder's \
            filesystem, the owner and permissions of the state folders and database files, whether a daemon \
            is running, and what waits in work/, failed/ and the inbox. Only reads; safe while the daemon \
            runs. Exits with status 1 when it finds a warning or a problem, 0 otherwise.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("check-timeout"),
        help: ArgumentHelp("Seconds the database's integrity check may run.", valueName: "SECONDS"))
    var checkTimeout = 30

    @Flag(name: .long, help: "Print the findings as one JSON object.")
    var json = false

    func validate() throws {
        if checkTimeout < 1 { throw ValidationError("--check-timeout must be at least 1 second.") }
    }

    func run() async throws {
        let configuration = try await global.resolve()
        let report = Doctor(configuration: configuration, integrityLimit: .seconds(checkTimeout)).examine()
        if json {
            JSONLinesWriter(pretty: true).write(report)
        } else {
            print(report.text)
        }
        if !report.healthy { throw ExitCode(1) }
    }
}
