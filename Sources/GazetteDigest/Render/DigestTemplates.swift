import Foundation
import Mustache

/// The Markdown and HTML templates: the built-in ones, each replaced by a file of the same name
/// (`digest.md.mustache`, `digest.html.mustache`) in the user's template folder when present.
public struct DigestTemplates: Sendable {
    public static let markdownName = "digest.md"
    public static let htmlName = "digest.html"

    let markdown: MustacheTemplate
    let html: MustacheTemplate

    /// Loads the templates, checking a user's folder first; throws when a file cannot be read
    /// or parsed, naming it.
    public init(overrideDirectory: String? = nil) throws {
        Self.registerContentTypes
        markdown = try Self.load(Self.markdownName, overrideDirectory: overrideDirectory)
        html = try Self.load(Self.htmlName, overrideDirectory: overrideDirectory)
    }

    /// Templates from strings; for tests and embedders.
    public init(markdown: String, html: String) throws {
        Self.registerContentTypes
        do {
            self.markdown = try MustacheTemplate(string: markdown)
            self.html = try MustacheTemplate(string: html)
        } catch {
            throw DigestError.badTemplate(path: "(string)", reason: String(describing: error))
        }
    }

    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    private static func load(_ name: String, overrideDirectory: String?) throws -> MustacheTemplate {
        let file = "\(name).mustache"
        var url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates")
        if let overrideDirectory, !overrideDirectory.isEmpty {
            let candidate = URL(fileURLWithPath: overrideDirectory).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: candidate.path) { url = candidate }
        }
        guard let url else {
            throw DigestError.badTemplate(path: file, reason: "the built-in template is missing from the bundle")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DigestError.badTemplate(path: url.path, reason: "it cannot be read as UTF-8 text")
        }
        do {
            return try MustacheTemplate(string: text)
        } catch {
            throw DigestError.badTemplate(path: url.path, reason: String(describing: error))
        }
    }
}
