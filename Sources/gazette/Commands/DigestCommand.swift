import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteDigest
import GazetteStore

/// `gazette digest`: build one digest now, with the same code as the scheduled ones.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract:
            "Build a digest of the articles ingested in a window and write it to the digest folder (or print it).",
        discussion: """
            Without a window option the digest covers the configured window (digest.window, 24 hours by default) ending \
            now, so articles just ingested appear. \
            --date covers one local calendar day (in the configured digest time zone) and writes DIGEST_DIR/YYYY-MM-DD.*; \
            other windows are written as YYYY-MM-DD-HHMM.* after their local end time. The scheduler's record of the \
            last scheduled digest is not changed.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("A local calendar day, YYYY-MM-DD.", valueName: "DAY"))
    var date: String?

    @Option(
        name: .long, help: ArgumentHelp("Start of the window (ISO-8601, e.g. 2025-12-03T07:00:00Z).", valueName: "ISO"))
    var since: Timestamp?

    @Option(name: .long, help: ArgumentHelp("End of the window, excluded (ISO-8601; default now).", valueName: "ISO"))
    var until: Timestamp?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Comma-separated formats: md, html, json (default: the configured ones; md with --stdout).",
            valueName: "LIST"))
    var format: DigestFormatList?

    @Flag(name: .long, help: "Print the digest to standard output instead of writing files (one format).")
    var stdout = false

    func validate() throws {
        if date != nil, since != nil || until != nil {
            throw ValidationError("Use either --date or --since/--until, not both.")
        }
        if let date, date.count != 10 || DigestWindow.day(date, in: TimeZone(identifier: "UTC")!) == nil {
            throw ValidationError("--date '\(date)' is not a day; write it as YYYY-MM-DD, e.g. 2025-12-03.")
        }
        if let format, stdout, format.formats.count > 1 {
            throw ValidationError("--stdout prints one format; pick one with --format md, html or json.")
        }
    }

    func run() async throws {
        let settings = try await global.resolve()
        var configuration = settings.digest
        if let format { configuration.formats = format.formats } else if stdout { configuration.formats = [.markdown] }
        guard !configuration.formats.isEmpty else {
            throw CommandFailure(
                "No digest format is configured; set digest.formats to some of md, html, json, or pass --format.")
        }
        let zone = configuration.resolvedTimeZone
        let now = Date()
        let window: DigestWindow
        if let date {
            window = DigestWindow.day(date, in: zone)!
        } else {
            let end = until?.date ?? now
            let start = since?.date ?? end.addingTimeInterval(-TimeInterval(configuration.window.components.seconds))
            guard start < end else { throw CommandFailure("The window is empty: --since must be before --until.") }
            window = DigestWindow(since: start, until: end)
        }
        guard FileManager.default.fileExists(atPath: settings.databasePath) else {
            throw CommandFailure(
                "There is no database at \(settings.databasePath) yet; run `gazette run` or `gazette ingest` first, or check --state-dir."
            )
        }
        do {
            let producer = try DigestProducer(configuration: configuration, database: try StoreAccess.open(settings))
            let digest = try await BlockingWork.run { [window] in try producer.build(window) }
            if stdout {
                print(producer.render(digest, as: configuration.formats[0]), terminator: "")
                return
            }
            for path in try producer.write(digest, window: window, withTime: date == nil) { print(path) }
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
