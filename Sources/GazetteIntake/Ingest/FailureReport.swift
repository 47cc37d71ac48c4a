import Foundation
import GazetteStore

/// What Gazette knows about a refused file: written to `failed/NAME.error.json` and stored as
/// an ingest-failure row.
struct FailureReport: Sendable, Equatable, Codable {
    /// The name the file arrived under.
    var fileName: String
    /// The reason in words.
    var reason: String
    /// The step that refused it (`claim`, `read`, or an extraction stage).
    var stage: String
    /// Size in bytes, when known.
    var size: Int?
    /// Hex SHA-256 of the bytes, when they were read.
    var sha256: String?
    var at: Date
    /// Where the file was moved, under `failed/`; nil when it was left in place.
    var quarantinePath: String?

    init(
        fileName: String, reason: String, stage: String, size: Int?, sha256: String?, at: Date,
        quarantinePath: String?
    ) {
        self.fileName = fileName
        self.reason = reason
        self.stage = stage
        self.size = size
        self.sha256 = sha256
        self.at = at
        self.quarantinePath = quarantinePath
    }

    enum CodingKeys: String, CodingKey {
        case fileName = "file"
        case reason, stage, size, sha256, at
        case quarantinePath = "quarantine_path"
    }

    var storeRow: IngestFailure {
        IngestFailure(
            fileName: fileName, reason: reason, stage: stage, size: size, sha256: sha256, at: at,
            quarantinePath: quarantinePath)
    }

    /// The `.error.json` document: pretty, sorted keys, ISO-8601 time.
    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding a struct of strings, numbers and a date cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }
}
