import Foundation
import GazetteStore

/// Builds, renders and writes one digest: the chain the scheduler and `gazette digest` share.
public struct DigestProducer: Sendable {
    public let configuration: DigestConfiguration
    let builder: DigestBuilder
    let renderer: DigestRenderer
    let writer: DigestWriter
    /// Gregorian, in the configured zone: the days digests are named after.
    let calendar: Calendar

    /// Loads the templates (the user's folder first); throws ``DigestError/badTemplate(path:reason:)``.
    public init(
        configuration: DigestConfiguration, database: any ArticleStore, now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.configuration = configuration
        let zone = configuration.resolvedTimeZone
        builder = DigestBuilder(database: database, timeZone: zone, linkFolder: configuration.directory, now: now)
        renderer = DigestRenderer(templates: try DigestTemplates(overrideDirectory: configuration.templateDirectory))
        writer = DigestWriter(configuration: configuration, renderer: renderer)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// The digest of the articles ingested in `window`.
    public func build(_ window: DigestWindow) throws -> Digest {
        try builder.build(window)
    }

    public func render(_ digest: Digest, as format: DigestFormat) -> String {
        renderer.render(digest, as: format)
    }

    /// Writes `digest` in the configured formats as `YYYY-MM-DD.*` after the local day its window
    /// ends in, or `YYYY-MM-DD-HHMM.*` with `withTime`; updates `latest.*`, the Atom feed and
    /// retention. Returns the files written.
    public func write(_ digest: Digest, window: DigestWindow, withTime: Bool) throws -> [String] {
        try writer.write(digest, stem: stem(for: window, withTime: withTime))
    }

    /// The file name, without extension, of the digest of `window`.
    public func stem(for window: DigestWindow, withTime: Bool) -> String {
        DigestFileName.stem(for: window, calendar: calendar, withTime: withTime)
    }
}
