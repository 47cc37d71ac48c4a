import Foundation
import Logging
import Synchronization

/// The log level shared by every handler, so SIGHUP can change it while the daemon runs.
public final class SharedLogLevel: Sendable {
    private let level: Mutex<Logger.Level>

    public init(_ level: Logger.Level) { self.level = Mutex(level) }

    public var value: Logger.Level {
        get { level.withLock { $0 } }
        set { level.withLock { $0 = newValue } }
    }
}

/// Writes one line per message to standard error: under systemd with a syslog priority prefix
/// (`<6>ingested file=a.txt`) that journald turns into the entry's priority, elsewhere with a
/// timestamp and level.
public struct ConsoleLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let sharedLevel: SharedLogLevel
    private let journald: Bool

    public init(
        label: String, level: SharedLogLevel, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.label = label
        self.sharedLevel = level
        self.journald = environment["JOURNAL_STREAM"] != nil || environment["INVOCATION_ID"] != nil
    }

    public var logLevel: Logger.Level {
        get { sharedLevel.value }
        set { sharedLevel.value = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = journald ? "<\(Self.priority(event.level))>" : "\(Date().formatted(.iso8601)) \(event.level) "
        line += Self.escapingControls("\(event.message)")
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.quoted("\(merged[key]!)"))"
        }
        line += "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// A metadata value as `key=value`, quoted when it holds a space, quote, `=` or a control
    /// character; control characters (a file name's ESC, BEL or CR) are written as `\xNN`, so
    /// nothing in a value can reach the terminal or the journal raw.
    static func quoted(_ value: String) -> String {
        guard
            value.isEmpty
                || value.unicodeScalars.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || isControl($0) })
        else {
            return value
        }
        return "\""
            + escapingControls(
                value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")) + "\""
    }

    /// `\n` for a line feed, `\xNN` for the other C0 and C1 controls and DEL.
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                out += "\\n"
            } else if isControl(scalar) {
                out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
