import Foundation

/// A kind of file Gazette does not read (a PDF, a Word document, an image, an archive, a web
/// page's script or style sheet), known by its first bytes or its extension, and what to do
/// instead.
public struct UnsupportedFormat: Sendable, Equatable {
    /// What the file is, e.g. `a PDF document`.
    public let name: String
    /// What the user can do, e.g. `convert it to text first`.
    public let advice: String

    static let convertDocument = "save or export it as plain text, HTML or Markdown and add that file instead"
    static let savedPageAsset =
        "scripts, style sheets and fonts (such as those in a saved page's `_files` folder) are not articles; add the page's .html file instead"

    static let pdf = UnsupportedFormat(
        name: "a PDF document",
        advice: "convert it to text first (for example `pdftotext article.pdf`) and add the .txt file instead")
    static let rtf = UnsupportedFormat(name: "an RTF document", advice: convertDocument)
    static let word = UnsupportedFormat(name: "a Word document", advice: convertDocument)
    static let office = UnsupportedFormat(
        name: "an office document (spreadsheet, presentation or e-book)", advice: convertDocument)
    static let script = UnsupportedFormat(name: "a JavaScript file", advice: savedPageAsset)
    static let program = UnsupportedFormat(
        name: "a program or shell script", advice: "Gazette reads articles as text; add the article itself instead")
    static let styleSheet = UnsupportedFormat(name: "a CSS style sheet", advice: savedPageAsset)
    static let font = UnsupportedFormat(name: "a font file", advice: savedPageAsset)
    static let embeddedFrame = UnsupportedFormat(
        name: "a frame embedded in a saved web page (an advertisement or widget)", advice: savedPageAsset)
    static func image(_ kind: String) -> UnsupportedFormat {
        UnsupportedFormat(
            name: "an image (\(kind))",
            advice: "Gazette reads articles as text; save the article's page (HTML) or its text instead")
    }
    static func archive(_ kind: String) -> UnsupportedFormat {
        UnsupportedFormat(
            name: "a compressed archive (\(kind))", advice: "unpack it and add the articles inside instead")
    }
    static func media(_ kind: String) -> UnsupportedFormat {
        UnsupportedFormat(
            name: "an audio or video file (\(kind))", advice: "Gazette reads articles as text; add a transcript instead"
        )
    }

    /// File extensions that are never articles.
    static let extensions: [String: UnsupportedFormat] = {
        var table: [String: UnsupportedFormat] = [
            "pdf": .pdf, "rtf": .rtf, "doc": .word, "docx": .word, "odt": .word, "pages": .word,
            "xls": .office, "xlsx": .office, "ods": .office, "ppt": .office, "pptx": .office, "odp": .office,
            "epub": .office,
            "js": .script, "mjs": .script, "cjs": .script, "css": .styleSheet, "map": .script,
            "woff": .font, "woff2": .font, "ttf": .font, "otf": .font, "eot": .font,
        ]
        for ext in ["sh", "bash", "zsh", "py", "pl", "rb", "ps1", "bat", "cmd", "exe"] { table[ext] = .program }
        for ext in ["png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "heic", "avif", "ico", "svg"] {
            table[ext] = .image(ext.uppercased())
        }
        for ext in ["zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "zst"] {
            table[ext] = .archive(ext.uppercased())
        }
        for ext in ["mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov", "flac"] { table[ext] = .media(ext.uppercased()) }
        return table
    }()

    /// The unsupported format a file is, by its first bytes, then by its extension; nil when it
    /// may be an article.
    static func detect(path: String, bytes: [UInt8]) -> UnsupportedFormat? {
        if let format = sniff(bytes) { return format }
        if isEmbeddedFrame(path) { return .embeddedFrame }
        return extensions[(path as NSString).pathExtension.lowercased()]
    }

    /// Chrome's "Save page as… complete" keeps a page's iframes as `saved_resource.html`,
    /// `saved_resource(1).html` … in the page's `_files` folder.
    static func isEmbeddedFrame(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts[parts.count - 2].hasSuffix("_files") else { return false }
        return parts[parts.count - 1].lowercased().hasPrefix("saved_resource")
    }

    static func sniff(_ bytes: [UInt8]) -> UnsupportedFormat? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && bytes[offset..<(offset + magic.count)].elementsEqual(magic)
        }
        func ascii(_ s: String, at offset: Int = 0) -> Bool { starts(Array(s.utf8), at: offset) }
        if bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).starts(with: Array("%PDF-".utf8))
        {
            return .pdf
        }
        if ascii("{\\rtf") { return .rtf }
        if ascii("#!/") { return .program }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .word }
        if ascii("PK\u{03}\u{04}") {
            let head = bytes.prefix(4_096)
            if head.firstRange(of: Array("word/".utf8)) != nil { return .word }
            if ["xl/", "ppt/", "application/epub", "application/vnd.oasis"].contains(where: {
                head.firstRange(of: Array($0.utf8)) != nil
            }) {
                return .office
            }
            return .archive("ZIP")
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return .image("PNG") }
        if starts([0xFF, 0xD8, 0xFF]) { return .image("JPEG") }
        if ascii("GIF87a") || ascii("GIF89a") { return .image("GIF") }
        if ascii("RIFF"), ascii("WEBP", at: 8) { return .image("WebP") }
        if ascii("II*\u{0}") || ascii("MM\u{0}*") { return .image("TIFF") }
        if ascii("ftyp", at: 4), ascii("avif", at: 8) || ascii("heic", at: 8) {
            return .image(ascii("avif", at: 8) ? "AVIF" : "HEIC")
        }
        if starts([0x1F, 0x8B]) { return .archive("gzip") }
        if ascii("BZh"), bytes.count > 3, (0x31...0x39).contains(bytes[3]) { return .archive("bzip2") }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .archive("xz") }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .archive("7z") }
        if ascii("Rar!\u{1A}\u{07}") { return .archive("RAR") }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .archive("zstd") }
        if ascii("ustar", at: 257) { return .archive("tar") }
        return nil
    }
}
