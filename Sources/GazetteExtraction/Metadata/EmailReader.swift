import Foundation

/// A first, simple reading of an email message (`.eml`): Subject as title, From as author,
/// Date as publication time, and the body after the headers — the first `text/plain` part of a
/// multipart message (else its HTML part), with quoted-printable or base64 undone.
package enum EmailReader {
    package static func read(_ text: String) -> ArticleDraft {
        let (headers, body) = split(text)
        var draft = ArticleDraft(lines: [])
        if let subject = headers["subject"].map(decodeWords), !subject.isEmpty {
            draft.metadata.title = subject
            draft.metadata.titleSource = .metadata
        }
        if let from = headers["from"].map(decodeWords), let name = displayName(from) { draft.metadata.authors = [name] }
        if let date = headers["date"], let match = DateParser.parse(date) {
            draft.metadata.publishedAt = match.date
            draft.metadata.publishedSource = .metadata
        }
        let content = part(headers: headers, body: body, depth: 0)
        draft.lines = content.lines
        return draft
    }

    /// Headers (lower-cased names, folded lines joined) and the text after the first blank line.
    static func split(_ text: String) -> ([String: String], String) {
        var headers: [String: String] = [:]
        var lastName: String? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<lineEnd]
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            if line.first == " " || line.first == "\t", let name = lastName {
                headers[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                if headers[name] == nil { headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
                lastName = name
            }
        }
        return (headers, String(text[index...]))
    }

    /// The readable text of one MIME entity, as lines.
    static func part(headers: [String: String], body: String, depth: Int) -> ArticleDraft {
        let type = headers["content-type"]?.lowercased() ?? "text/plain"
        if type.hasPrefix("multipart/"), depth < 4, let boundary = parameter("boundary", in: headers["content-type"] ?? "") {
            let pieces = body.components(separatedBy: "--" + boundary).dropFirst()
            var parts: [([String: String], String)] = []
            for piece in pieces where !piece.hasPrefix("--") { parts.append(split(String(piece.drop(while: { $0 == "\n" })))) }
            let chosen = parts.first { ($0.0["content-type"] ?? "text/plain").lowercased().hasPrefix("text/plain") }
                ?? parts.first { ($0.0["content-type"] ?? "").lowercased().hasPrefix("text/html") }
                ?? parts.first
            if let (h, b) = chosen { return part(headers: h, body: b, depth: depth + 1) }
        }
        let decoded = decodeTransfer(body, encoding: headers["content-transfer-encoding"]?.lowercased() ?? "")
        if type.hasPrefix("text/html") { return HTMLReader.read(decoded) }
        return ArticleDraft(lines: decoded.lines())
    }

    static func decodeTransfer(_ body: String, encoding: String) -> String {
        switch encoding {
        case "quoted-printable":
            return String(decoding: quotedPrintable(body, underscoreIsSpace: false), as: UTF8.self)
        case "base64":
            let compact = body.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact) else { return body }
            return (try? TextDecoder.decode([UInt8](data)).text) ?? body
        default:
            return body
        }
    }

    static func quotedPrintable(_ text: String, underscoreIsSpace: Bool) -> [UInt8] {
        let s = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "="), i + 1 < s.count, s[i + 1] == UInt8(ascii: "\n") { i += 2; continue }
            if s[i] == UInt8(ascii: "="), i + 2 < s.count, let byte = UInt8(String(decoding: s[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(byte)
                i += 3
                continue
            }
            out.append(underscoreIsSpace && s[i] == UInt8(ascii: "_") ? UInt8(ascii: " ") : s[i])
            i += 1
        }
        return out
    }

    /// RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header.
    static func decodeWords(_ header: String) -> String {
        guard header.contains("=?") else { return header }
        var out = ""
        var rest = Substring(header)
        while let start = rest.range(of: "=?") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let fields = after.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, fields[3].hasPrefix("="), let end = after.range(of: "?=", range: after.index(after: after.firstIndex(of: "?")!)..<after.endIndex) else {
                out += "=?"
                rest = after
                continue
            }
            let payload = String(fields[2])
            let bytes: [UInt8] = fields[1].uppercased() == "B" ? [UInt8](Data(base64Encoded: payload) ?? Data()) : quotedPrintable(payload, underscoreIsSpace: true)
            out += (try? TextDecoder.decode(bytes).text) ?? payload
            rest = after[end.upperBound...]
            if let next = rest.range(of: "=?"), rest[..<next.lowerBound].allSatisfy(\.isWhitespace) { rest = rest[next.lowerBound...] }
        }
        return out + rest
    }

    /// `Jane Doe <jane@example.com>` → `Jane Doe`; a bare address gives nil.
    static func displayName(_ from: String) -> String? {
        guard let angle = from.firstIndex(of: "<") else { return nil }
        let name = from[..<angle].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
        return name.isEmpty ? nil : name
    }

    static func parameter(_ name: String, in header: String) -> String? {
        guard let r = header.range(of: name + "=", options: .caseInsensitive) else { return nil }
        let value = header[r.upperBound...].prefix(while: { $0 != ";" }).trimmingCharacters(in: .whitespaces)
        return value.trimmingCharacters(in: ["\""])
    }
}
