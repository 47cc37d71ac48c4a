import ArgumentParser
import GazetteDaemon
import GazetteStore

/// `--since` and `--until`: the span of article time a browsing command looks at.
struct WindowOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only articles published at or after this time (ISO-8601, e.g. 2025-12-01 or 2025-12-01T08:00:00Z); undated articles count by when they were ingested.",
            valueName: "ISO"))
    var since: Timestamp?

    @Option(help: ArgumentHelp("Only articles published before this time (ISO-8601).", valueName: "ISO"))
    var until: Timestamp?

    func validate() throws {
        if let since, let until, since >= until { throw ValidationError("--since must be before --until.") }
    }

    var window: TimeWindow {
        TimeWindow(since: since?.date, until: until?.date)
    }
}
