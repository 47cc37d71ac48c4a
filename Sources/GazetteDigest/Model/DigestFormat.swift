import Foundation

/// A file format a digest is written in; the raw value is the file extension.
public enum DigestFormat: String, Sendable, CaseIterable, Codable {
    case markdown = "md"
    case html
    case json

    /// Parses `md`, `html` or `json` (also `markdown`), case-insensitively.
    public init(parsing text: String) throws {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let format = text == "markdown" ? .markdown : DigestFormat(rawValue: text) else {
            throw DigestError.unknownFormat(text)
        }
        self = format
    }
}
