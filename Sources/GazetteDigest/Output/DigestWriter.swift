import Foundation

/// Writes a digest's files into the digest folder: `STEM.md|.html|.json` atomically,
/// `latest.md`/`latest.html` when it is the newest, `digests.atom`, and removes the oldest
/// digests beyond the configured count.
public struct DigestWriter: Sendable {
    public let configuration: DigestConfiguration
    public let renderer: DigestRenderer

    public init(configuration: DigestConfiguration, renderer: DigestRenderer) {
        self.configuration = configuration
        self.renderer = renderer
    }

    /// Writes `digest` under `stem` in every configured format and returns the paths written.
    @discardableResult
    public func write(_ digest: Digest, stem: String) throws -> [String] {
        let folder = configuration.directory
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DigestError.cannotWrite(path: folder, reason: "the folder cannot be created")
        }
        var written: [String] = []
        let newest = try stems().allSatisfy { $0 <= stem }
        for format in configuration.formats {
            let text = renderer.render(digest, as: format)
            let path = self.path("\(stem).\(format.rawValue)")
            try AtomicFile.write(text, to: path)
            written.append(path)
            if newest, format != .json {
                try AtomicFile.write(text, to: self.path("latest.\(format.rawValue)"))
            }
        }
        try removeOldDigests()
        try writeFeed(updated: digest.generatedAt)
        return written
    }

    /// Stems of the digests on disk, oldest first.
    func stems() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: configuration.directory)) ?? []
        return Set(names.compactMap { name -> String? in
            guard let dot = name.firstIndex(of: "."), DigestFormat(rawValue: String(name[name.index(after: dot)...])) != nil
            else { return nil }
            let stem = name[..<dot]
            return DigestFileName.isStem(stem) ? String(stem) : nil
        }).sorted()
    }

    private func removeOldDigests() throws {
        guard configuration.keep > 0 else { return }
        let stems = try stems()
        for stem in stems.dropLast(configuration.keep) {
            for format in DigestFormat.allCases {
                try? FileManager.default.removeItem(atPath: path("\(stem).\(format.rawValue)"))
            }
        }
    }

    private func writeFeed(updated: Date) throws {
        let entries = try stems().reversed().compactMap { stem -> AtomFeed.Entry? in
            let file = [DigestFormat.html, .markdown, .json].map { "\(stem).\($0.rawValue)" }
                .first { FileManager.default.fileExists(atPath: path($0)) }
            guard let file else { return nil }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path(file))[.modificationDate]) as? Date
            return AtomFeed.Entry(stem: stem, file: file, updated: modified ?? updated)
        }
        try AtomicFile.write(AtomFeed.render(entries, updated: updated), to: path(AtomFeed.fileName))
    }

    private func path(_ name: String) -> String {
        (configuration.directory as NSString).appendingPathComponent(name)
    }
}
