/// One thing `gazette doctor` looked at: what it found and, when something is wrong, what to do.
public struct DoctorFinding: Encodable, Sendable, Equatable {
    public enum Severity: String, Encodable, Sendable, Comparable {
        /// Fine.
        case ok
        /// Worth knowing; nothing to do.
        case note
        /// Needs attention soon (files waiting with no daemon, little disk left).
        case warning
        /// Something is broken (a damaged database, a folder Gazette cannot write).
        case problem

        private var rank: Int {
            switch self {
            case .ok: 0
            case .note: 1
            case .warning: 2
            case .problem: 3
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// `database`, `integrity`, `disk`, `folders`, `daemon`, `work`, `failed`, `inbox`.
    public var check: String
    public var severity: Severity
    /// What was found, in one sentence.
    public var summary: String
    /// What to do about it; nil when nothing needs doing.
    public var advice: String?
}

/// Everything `gazette doctor` found.
public struct DoctorReport: Encodable, Sendable {
    public var stateDirectory: String
    public var database: String
    public var findings: [DoctorFinding]

    /// No warning and no problem: `gazette doctor` exits with status 0.
    public var healthy: Bool { findings.allSatisfy { $0.severity < .warning } }

    enum CodingKeys: String, CodingKey {
        case stateDirectory = "state_dir"
        case database, findings, healthy
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stateDirectory, forKey: .stateDirectory)
        try container.encode(database, forKey: .database)
        try container.encode(findings, forKey: .findings)
        try container.encode(healthy, forKey: .healthy)
    }

    /// One line per finding, its advice indented below it, and a last line that sums up.
    public var text: String {
        var lines: [String] = []
        for finding in findings {
            let mark =
                switch finding.severity {
                case .ok: "ok     "
                case .note: "note   "
                case .warning: "WARNING"
                case .problem: "PROBLEM"
                }
            lines.append("\(mark) \(finding.check): \(finding.summary)")
            if let advice = finding.advice { lines.append("        → \(advice)") }
        }
        let worst = findings.map(\.severity).max() ?? .ok
        lines.append(
            healthy
                ? "Gazette looks healthy."
                : "Gazette needs attention: \(worst == .problem ? "something is broken" : "see the warnings above").")
        return lines.joined(separator: "\n")
    }
}
