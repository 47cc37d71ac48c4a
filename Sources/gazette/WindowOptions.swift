import ArgumentParser
import GazetteDaemon
import GazetteStore

/// `--since` and `--until`: the span of article time a browsing command looks at.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only articles published at or after this time (ISO-8601, e.g. 2025-12-01 or 2025-12-01T08:00:00Z); undated articles count by when they were ingested.", valueName: "ISO"))
    var since: String?

    @Option(help: ArgumentHelp("Only articles published before this time (ISO-8601).", valueName: "ISO"))
    var until: String?

    func validate() throws {
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let value, ISOTimestamp.parse(value) == nil {
                throw ValidationError("\(flag) '\(value)' is not an ISO-8601 time; write it like 2025-12-03T08:00:00Z or 2025-12-03.")
            }
        }
        if let since = since.flatMap(ISOTimestamp.parse), let until = until.flatMap(ISOTimestamp.parse), since >= until {
            throw ValidationError("--since must be before --until.")
        }
    }

    var window: TimeWindow {
        TimeWindow(since: since.flatMap(ISOTimestamp.parse), until: until.flatMap(ISOTimestamp.parse))
    }
}
