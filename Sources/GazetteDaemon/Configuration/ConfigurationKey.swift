import Foundation
import GazetteDigest
import GazetteIntake
import Logging

/// One configuration key: its dotted name (`intake.max_file_size`), environment variable
/// (`GAZETTE_INTAKE_MAX_FILE_SIZE`), and how its text becomes a field of ``GazetteConfiguration``.
struct ConfigurationKey: Sendable {
    enum Shape: Sendable, Equatable { case scalar, list }

    enum Value {
        case scalar(String)
        case list([String])
    }

    let name: String
    let shape: Shape
    /// What a valid value looks like, for error messages.
    let expected: String
    let parse: @Sendable (Value, inout GazetteConfiguration) -> Bool

    var environmentName: String {
        "GAZETTE_" + name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    func apply(_ value: Value, _ configuration: inout GazetteConfiguration, _ source: String) throws(ConfigurationError)
    {
        guard parse(value, &configuration) else {
            let text =
                switch value {
                case .scalar(let s): s
                case .list(let l): l.joined(separator: ", ")
                }
            throw .badValue(key: name, value: text, expected: expected, source: source)
        }
    }

    static func scalar(
        _ name: String, _ expected: String, _ parse: @escaping @Sendable (String, inout GazetteConfiguration) -> Bool
    ) -> ConfigurationKey {
        ConfigurationKey(name: name, shape: .scalar, expected: expected) { value, configuration in
            guard case .scalar(let text) = value else { return false }
            return parse(text.trimmingCharacters(in: .whitespaces), &configuration)
        }
    }

    static func list(
        _ name: String, _ expected: String, _ parse: @escaping @Sendable ([String], inout GazetteConfiguration) -> Bool
    ) -> ConfigurationKey {
        ConfigurationKey(name: name, shape: .list, expected: expected) { value, configuration in
            guard case .list(let items) = value else { return false }
            return parse(items.filter { !$0.isEmpty }, &configuration)
        }
    }

    static let all: [ConfigurationKey] = [
        scalar("inbox", "a folder path") { text, c in
            guard !text.isEmpty else { return false }
            c.inbox = text
            return true
        },
        scalar("state_dir", "a folder path") { text, c in
            guard !text.isEmpty else { return false }
            c.stateDirectory = text
            return true
        },
        scalar("digest_dir", "a folder path") { text, c in
            guard !text.isEmpty else { return false }
            c.digestDirectory = text
            return true
        },
        scalar("log_level", "one of trace, debug, info, notice, warning, error, critical") { text, c in
            guard let level = Logger.Level(rawValue: text.lowercased()) else { return false }
            c.logLevel = level
            return true
        },
        list("intake.include", "a list of file name patterns such as *.txt") { items, c in
            guard !items.isEmpty else { return false }
            c.intake.includePatterns = items
            return true
        },
        list("intake.ignore", "a list of file name patterns such as *.bak") { items, c in
            c.intake.ignorePatterns = items
            return true
        },
        scalar("intake.max_file_size", "a size in bytes such as 20971520, 512KiB or 20MiB (at least 1 byte)") {
            text, c in
            guard let size = ValueParsers.byteSize(text), size > 0 else { return false }
            c.intake.maxFileSize = size
            return true
        },
        scalar("intake.concurrency", "a whole number from 1 to 64") { text, c in
            guard let n = Int(text), (1...64).contains(n) else { return false }
            c.intake.concurrency = n
            return true
        },
        scalar("intake.after_ingest", "archive or delete") { text, c in
            guard let action = IntakeConfiguration.AfterIngest(rawValue: text.lowercased()) else { return false }
            c.intake.afterIngest = action
            return true
        },
        scalar("intake.watch", "inotify or poll") { text, c in
            guard let mode = IntakeConfiguration.WatchMode(rawValue: text.lowercased()) else { return false }
            c.intake.watchMode = mode
            return true
        },
        scalar("intake.poll_interval", "a duration such as 2s, 500ms or 1m (at least 100ms)") { text, c in
            guard let duration = ValueParsers.duration(text), duration >= .milliseconds(100) else { return false }
            c.intake.pollInterval = duration
            return true
        },
        scalar("intake.rescan_interval", "a duration such as 300s or 5m (at least 1s)") { text, c in
            guard let duration = ValueParsers.duration(text), duration >= .seconds(1) else { return false }
            c.intake.rescanInterval = duration
            return true
        },
        scalar("intake.recursive", "true or false") { text, c in
            guard let flag = ValueParsers.bool(text) else { return false }
            c.intake.recursive = flag
            return true
        },
        scalar("intake.max_attempts", "a whole number from 2 to 100") { text, c in
            // At least 2: one death may be the machine's (a kill, a power cut), not the file's.
            guard let n = Int(text), (2...100).contains(n) else { return false }
            c.intake.maxAttempts = n
            return true
        },
        // Each value below is parsed by the type the digest runs on, so whatever passes here runs.
        list("digest.times", "a list of local times such as 07:00 or 18:30 (HH:MM)") { items, c in
            let times = items.compactMap { try? TimeOfDay(parsing: $0) }
            guard !items.isEmpty, times.count == items.count else { return false }
            c.digest.times = Set(times).sorted()
            return true
        },
        scalar("digest.time_zone", "an IANA time zone such as Europe/London, or empty for the machine's zone") {
            text, c in
            if text.isEmpty {
                c.digest.timeZone = nil
                return true
            }
            guard let zone = TimeZone(identifier: text) else { return false }
            c.digest.timeZone = zone
            return true
        },
        scalar("digest.window", "a duration such as 24h, 90m or 7d (at least 1m)") { text, c in
            guard let duration = ValueParsers.duration(text), duration >= .seconds(60) else { return false }
            c.digest.window = duration
            return true
        },
        scalar("digest.keep", "a whole number of digests to keep (0 keeps all)") { text, c in
            guard let n = Int(text), n >= 0 else { return false }
            c.digest.keep = n
            return true
        },
        scalar("digest.keep_days", "a whole number of days (0 keeps digests whatever their age)") { text, c in
            guard let n = Int(text), n >= 0 else { return false }
            c.digest.keepDays = n
            return true
        },
        scalar("digest.base_url", "an http or https URL such as https://example.org/digests/, or empty") { text, c in
            if text.isEmpty {
                c.digest.baseURL = nil
                return true
            }
            guard let url = URL(string: text.hasSuffix("/") ? text : text + "/"),
                ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else { return false }
            c.digest.baseURL = url
            return true
        },
        list("digest.formats", "a list drawn from md, html, json") { items, c in
            let formats = items.compactMap { try? DigestFormat(parsing: $0) }
            guard !items.isEmpty, formats.count == items.count else { return false }
            c.digest.formats = formats
            return true
        },
        scalar(
            "digest.templates",
            "a folder whose digest.md.mustache and digest.html.mustache (if present) are valid Mustache templates, or empty"
        ) { text, c in
            let folder = text.isEmpty ? nil : text
            if let folder {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
                    (try? DigestTemplates(overrideDirectory: folder)) != nil
                else { return false }
            }
            c.digest.templateDirectory = folder
            return true
        },
    ]
}

/// Parsers for the value syntaxes configuration keys accept.
enum ValueParsers {
    /// `20971520`, `512KiB`, `20MiB`, `1GB`, `300k`.
    static func byteSize(_ text: String) -> Int? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        let units: [(String, Int)] = [
            ("gib", 1 << 30), ("mib", 1 << 20), ("kib", 1 << 10), ("gb", 1_000_000_000), ("mb", 1_000_000),
            ("kb", 1000), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10), ("b", 1),
        ]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count)), n >= 0, n * Double(factor) < Double(Int.max) else {
                return nil
            }
            return Int(n * Double(factor))
        }
        return Int(t)
    }

    /// `2`, `2s`, `500ms`, `5m`, `1h`, `7d` (seconds without a unit), to the millisecond; at
    /// most ten years.
    static func duration(_ text: String) -> Duration? {
        seconds(text).map { .milliseconds(Int64(($0 * 1000).rounded())) }
    }

    /// ``duration(_:)`` in seconds.
    private static func seconds(_ text: String) -> Double? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        var seconds = Double(t)
        if seconds == nil, let (suffix, factor) = units.first(where: { t.hasSuffix($0.0) }) {
            seconds = Double(t.dropLast(suffix.count)).map { $0 * factor }
        }
        guard let seconds, seconds >= 0, seconds <= 10 * 365 * 86400 else { return nil }
        return seconds
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }
}
