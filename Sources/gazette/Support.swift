import Foundation
import GazetteExtraction

import Glibc

/// Writes one JSON document per line (or pretty-printed) to standard output: sorted keys,
/// ISO-8601 times.
struct JSONLinesWriter {
    let encoder: JSONEncoder

    init(pretty: Bool = false) {
        encoder = ExtractionRecord.encoder(pretty: pretty)
    }

    func write(_ value: some Encodable) {
        try? writeOrThrow(value)
    }

    func writeOrThrow(_ value: some Encodable) throws {
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
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
            case .notRegular(let path): "\(path) is not a regular file (a directory, device or pipe); name an article file."
            case .unreadable(let path, let why): "Could not read \(path): \(why)."
            }
        }
    }

    static func read(_ path: String) -> Result<ArticleFile, ReadError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? .failure(.missing(path)) : .failure(.unreadable(path, String(cString: strerror(errno))))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular(path)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.unreadable(path, "permission denied or I/O error"))
        }
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
        return .success(ArticleFile(bytes: [UInt8](data), modified: modified))
    }
}
