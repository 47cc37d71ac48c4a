import Foundation
import GazetteFiles

/// Writes a digest's files into the digest folder: `STEM.md|.html|.json` atomically,
/// `latest.md`/`latest.html` when it is the newest, `digests.atom`, and removes the digests
/// beyond the configured count or older than the configured age, and the temporaries of
/// writes a killed process left.
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
        AtomicFile.removeAbandonedTemporaries(in: folder)
        var written: [String] = []
        let newest = try stems().allSatisfy { $0 <= stem }
        for format in configuration.formats {
            let text = renderer.render(digest, as: format)
            let path = self.path("\(stem).\(format.rawValue)")
            try DigestFile.write(text, to: path)
            written.append(path)
            if newest, format != .json {
                try DigestFile.write(text, to: self.path("latest.\(format.rawValue)"))
            }
        }
        removeOldDigests(now: digest.generatedAt, keeping: stem)
        try writeFeed(digest, stem: stem)
        return written
    }

    /// Stems of the digests on disk, oldest first.
    func stems() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: configuration.directory)) ?? []
        return Set(
            names.compactMap { name -> String? in
                guard let dot = name.firstIndex(of: "."),
                    DigestFormat(rawValue: String(name[name.index(after: dot)...])) != nil
                else { return nil }
                let stem = name[..<dot]
                return DigestFileName.isStem(stem) ? String(stem) : nil
            }
        ).sorted()
    }

    /// Removes the oldest digests beyond `keep`, and those whose day is more than `keepDays`
    /// days before `now`'s; never the digest just written (`current`).
    private func removeOldDigests(now: Date, keeping current: String) {
        let stems = (try? stems()) ?? []
        var doomed = Set(configuration.keep > 0 ? stems.dropLast(configuration.keep) : [])
        if configuration.keepDays > 0 {
            let zone = configuration.resolvedTimeZone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            if let cutoff = calendar.date(
                byAdding: .day, value: -configuration.keepDays, to: calendar.startOfDay(for: now))
            {
                let day = calendar.dateComponents([.year, .month, .day], from: cutoff)
                let oldest = String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
                doomed.formUnion(stems.filter { $0.prefix(10) < oldest })
            }
        }
        doomed.remove(current)
        for stem in doomed {
            for format in DigestFormat.allCases {
                try? FileManager.default.removeItem(atPath: path("\(stem).\(format.rawValue)"))
            }
        }
    }

    /// Rewrites `digests.atom` over the digests on disk. Each entry's summary comes from the
    /// digest itself: `digest` for the one just written, the `.json` file for earlier ones.
    private func writeFeed(_ digest: Digest, stem current: String) throws {
        let entries = try stems().reversed().prefix(AtomFeed.entryLimit).compactMap { stem -> AtomFeed.Entry? in
            let file = [DigestFormat.html, .markdown, .json].map { "\(stem).\($0.rawValue)" }
                .first { FileManager.default.fileExists(atPath: path($0)) }
            guard let file else { return nil }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path(file))[.modificationDate]) as? Date
            let summary =
                stem == current
                ? AtomFeed.summary(of: AtomFeed.Gist(digest)) : storedGist(stem).map(AtomFeed.summary(of:))
            return AtomFeed.Entry(stem: stem, file: file, updated: modified ?? digest.generatedAt, summary: summary)
        }
        let base =
            configuration.baseURL ?? URL(fileURLWithPath: FileLink.absolute(configuration.directory), isDirectory: true)
        try DigestFile.write(
            AtomFeed.render(entries, updated: digest.generatedAt, base: base), to: path(AtomFeed.fileName))
    }

    /// The summary fields of the digest saved as `STEM.json`, when that format is written and
    /// reads back; an entry whose file does not read back has no summary.
    private func storedGist(_ stem: String) -> AtomFeed.Gist? {
        guard let data = FileManager.default.contents(atPath: path("\(stem).json")) else { return nil }
        return try? DigestRenderer.jsonDecoder().decode(AtomFeed.Gist.self, from: data)
    }

    private func path(_ name: String) -> String {
        (configuration.directory as NSString).appendingPathComponent(name)
    }
}
