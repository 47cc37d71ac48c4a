import Foundation

/// What the scheduler remembers between runs: the end of the last scheduled digest's window,
/// so that no window is written twice and a missed one is caught up once.
///
/// Kept as `.digest-state.json` in the digest folder, written atomically.
struct DigestState: Codable, Equatable {
    static let fileName = ".digest-state.json"

    var lastUntil: Date

    static func load(from directory: String) -> DigestState? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(DigestState.self, from: data)
    }

    func save(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(self)
        try DigestFile.write(
            String(decoding: data, as: UTF8.self) + "\n",
            to: (directory as NSString).appendingPathComponent(Self.fileName))
    }
}
