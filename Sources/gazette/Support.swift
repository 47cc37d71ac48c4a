import Foundation
import GazetteExtraction
import GazetteFiles
import SystemPackage

/// Writes one JSON document per line (or pretty-printed) to standard output: sorted keys,
/// ISO-8601 times. DEL and the C1 controls, which JSON allows raw in strings, are written as
/// `\u00XX` like the C0 ones, so JSON printed on a terminal cannot drive it either.
struct JSONLinesWriter {
    let encoder: JSONEncoder

    init(pretty: Bool = false) {
        encoder = ExtractionRecord.encoder(pretty: pretty)
    }

    func write(_ value: some Encodable) {
        try? writeOrThrow(value)
    }

    func writeOrThrow(_ value: some Encodable) throws {
        var data = Self.escapingControls(try encoder.encode(value))
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    static func escapingControls(_ data: Data) -> Data {
        // DEL, or the lead byte of U+0080…U+00BF: rare, so most records are returned untouched.
        guard data.contains(0x7F) || data.contains(0xC2) else { return data }
        let bytes = [UInt8](data)
        var out = Data(capacity: bytes.count + 16)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x7F {
                out.append(contentsOf: Array("\\u007f".utf8))
            } else if bytes[i] == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                out.append(contentsOf: Array("\\u00\(String(bytes[i + 1], radix: 16))".utf8))
                i += 1
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }
}

/// An article file read for a one-shot command, refusing what is not a regular file.
struct ArticleFile {
    var bytes: [UInt8]
    var modified: Date

    enum ReadError: Error, CustomStringConvertible {
        case missing(String)
        case notRegular(String)
        case unreadable(String, String)

        var description: String {
            switch self {
            case .missing(let path): "There is no file at \(path); check the path."
            case .notRegular(let path):
                "\(path) is not a regular file (a directory, device or pipe); name an article file."
            case .unreadable(let path, let why): "Could not read \(path): \(why)."
            }
        }
    }

    static func read(_ path: String) -> Result<ArticleFile, ReadError> {
        do {
            let (bytes, status) = try FileBytes.read(path, limit: Int.max - 1, followingSymlink: true)
            return .success(ArticleFile(bytes: bytes, modified: status.modified))
        } catch {
            switch error {
            case .system(.noSuchFileOrDirectory): return .failure(.missing(path))
            case .system(let errno): return .failure(.unreadable(path, errno.description))
            case .notRegularFile: return .failure(.notRegular(path))
            // The extractor explains an empty file in its own words.
            case .empty: return .success(ArticleFile(bytes: [], modified: FileStatus.find(path)?.modified ?? Date()))
            case .tooLarge: return .failure(.unreadable(path, "the file is too large"))
            case .hardLink: return .failure(.unreadable(path, "the file is a hard link"))
            }
        }
    }
}
