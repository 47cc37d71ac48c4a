import Foundation

/// A fresh, empty folder under the system's temporary directory, removed with everything in it
/// when the value is released.
///
/// ```swift
/// let folder = try TemporaryDirectory()
/// let database = try GazetteDatabase(path: folder.path("state/gazette.sqlite"))
/// ```
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "gazette-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `relativePath` inside the folder (not created).
    public func path(_ relativePath: String) -> String {
        url.appendingPathComponent(relativePath).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
