import Foundation
import Mustache

/// Renders a ``Digest`` as Markdown, HTML (templates) or JSON (the model itself).
public struct DigestRenderer: Sendable {
    public let templates: DigestTemplates

    public init(templates: DigestTemplates) {
        self.templates = templates
    }

    public func render(_ digest: Digest, as format: DigestFormat) -> String {
        switch format {
        case .markdown: templates.markdown.render(DigestPresentation(digest))
        case .html: templates.html.render(DigestPresentation(digest))
        case .json: Self.json(digest)
        }
    }

    /// Pretty, key-sorted JSON with ISO-8601 dates and snake_case keys.
    static func json(_ digest: Digest) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding plain structs of strings and numbers cannot fail short of a non-finite Double.
        let data = (try? encoder.encode(digest)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads back what ``json(_:)`` writes.
    static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
