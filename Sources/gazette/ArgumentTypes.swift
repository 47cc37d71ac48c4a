import ArgumentParser
import Foundation
import GazetteDaemon
import GazetteDigest
import GazetteExtraction
import Logging

// Option values are parsed once, by ArgumentParser, into the types the commands use; an invalid
// value is reported with the option's name and, for the closed sets, the values it takes.

/// An ISO-8601 time typed on the command line: `2025-12-03` or `2025-12-03T08:00:00Z`.
struct Timestamp: ExpressibleByArgument, Comparable {
    let date: Date

    init?(argument: String) {
        guard let date = ISOTimestamp.parse(argument) else { return nil }
        self.date = date
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }
}

/// `trace` … `critical`, in any case.
extension Logger.Level: @retroactive ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// `PERSON`, `location`, … in any case, the British `ORGANISATION`, and `GROUPS` for `NORP`.
extension EntityType: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.uppercased() {
        case "ORGANISATION": self = .organization
        case "GROUP", "GROUPS": self = .norp
        case let name: self.init(rawValue: name)
        }
    }
}

/// `direct`, `partial` or `scare`, in any case.
extension Quote.Kind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// `md`, `html`, `json` (or `markdown`), comma-separated.
struct DigestFormatList: ExpressibleByArgument {
    let formats: [DigestFormat]

    init?(argument: String) {
        guard let formats = try? argument.split(separator: ",").map({ try DigestFormat(parsing: String($0)) }),
            !formats.isEmpty
        else { return nil }
        self.formats = formats
    }
}
