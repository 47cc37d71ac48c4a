import Foundation

extension ExtractionRecord {
    /// The encoder for records as `gazette extract` prints them (docs/extract-json.md), and for
    /// the CLI's other JSON: sorted keys, ISO-8601 times, slashes left unescaped.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
