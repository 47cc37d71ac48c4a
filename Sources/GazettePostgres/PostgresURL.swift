import Foundation

/// Where a PostgreSQL store is: a libpq-style URL, `postgresql://user[:password]@host[:port]/db[?sslmode=…]`,
/// or with the server's Unix-socket folder instead of a network host,
/// `postgresql://user@localhost/db?host=/run/postgresql`.
///
/// The password comes from the URL, else `PGPASSWORD`, else the password file (`passfile=` in the
/// URL, else `PGPASSFILE`, else `~/.pgpass`: libpq's `host:port:database:user:password` lines,
/// `*` for any). It is never part of ``description``.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    /// The network host name or address; for a socket, what the URL said (`localhost`).
    public var host: String
    public var port: Int
    /// The folder holding the server's socket, when it is reached through one.
    public var socketFolder: String?
    public var database: String
    public var sslMode: SSLMode
    public var applicationName: String?

    /// libpq's `sslmode`. `allow` and `prefer` both try TLS first here.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// The socket file, `<folder>/.s.PGSQL.<port>`, when the server is reached through one.
    public var socketPath: String? {
        socketFolder.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/.s.PGSQL.\(port)" }
    }

    /// Parses `text`; `environment` supplies `PGPASSWORD`, `PGPASSFILE` and `HOME`.
    public init(
        parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PostgresURLError) {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "postgresql" || scheme == "postgres"
        else { throw .notAURL }
        guard let user = components.user.flatMap(Self.decoded), !user.isEmpty else { throw .missing("user name") }
        self.user = user
        let database = String(components.percentEncodedPath.drop(while: { $0 == "/" }))
        guard let name = Self.decoded(database), !name.isEmpty, !name.contains("/") else {
            throw .missing("database name")
        }
        self.database = name
        let host = components.percentEncodedHost.flatMap(Self.decoded) ?? ""
        self.host = host
        port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw .invalid(parameter: "port", value: String(port)) }
        // libpq's form with the socket folder as the host, percent-encoded: `postgresql://%2Frun%2Fpostgresql/db`.
        socketFolder = host.hasPrefix("/") ? host : nil
        sslMode = .prefer
        var passfile: String?
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "host":
                guard value.hasPrefix("/") else { throw .invalid(parameter: "host", value: value) }
                socketFolder = value
            case "port":
                guard let number = Int(value), (1...65535).contains(number) else {
                    throw .invalid(parameter: "port", value: value)
                }
                port = number
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else { throw .invalid(parameter: "sslmode", value: value) }
                sslMode = mode
            case "passfile": passfile = value
            case "application_name": applicationName = value
            default: throw .unsupported(parameter: item.name)
            }
        }
        if socketFolder == nil, host.isEmpty { throw .missing("host") }
        password = components.password.flatMap(Self.decoded) ?? environment["PGPASSWORD"]
        if password == nil {
            let file =
                passfile ?? environment["PGPASSFILE"]
                ?? environment["HOME"].map { $0 + "/.pgpass" }
            if let file { password = Self.password(inFile: file, for: self) }
        }
    }

    /// The URL without its password, for logs and messages.
    public var description: String {
        var text = "postgresql://\(user)@\(host.hasPrefix("/") || host.isEmpty ? "localhost" : host)"
        if socketFolder == nil, port != 5432 { text += ":\(port)" }
        text += "/\(database)"
        var query: [String] = []
        if let socketFolder { query.append("host=\(socketFolder)") }
        if socketFolder != nil, port != 5432 { query.append("port=\(port)") }
        if sslMode != .prefer { query.append("sslmode=\(sslMode.rawValue)") }
        return query.isEmpty ? text : text + "?" + query.joined(separator: "&")
    }

    private static func decoded(_ text: String) -> String? {
        text.removingPercentEncoding
    }

    /// The password of the first line of a libpq password file that matches `url`, if the file
    /// can be read. Fields are `host:port:database:user:password`, `*` matches anything, `\`
    /// escapes `:` and `\`; a socket connection's host is `localhost`.
    static func password(inFile path: String, for url: PostgresURL) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let host = url.socketFolder == nil ? url.host : "localhost"
        let wanted = [host, String(url.port), url.database, url.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = passfileFields(line)
            guard fields.count == 5 else { continue }
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func passfileFields(_ line: Substring) -> [String] {
        var fields = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}

/// Why a `store.url` is not a PostgreSQL URL Gazette can use; each says so in a sentence.
public enum PostgresURLError: Error, Equatable, CustomStringConvertible {
    case notAURL
    case missing(String)
    case invalid(parameter: String, value: String)
    case unsupported(parameter: String)

    public var description: String {
        switch self {
        case .notAURL:
            "is not a PostgreSQL URL; write postgresql://user@host/database"
        case .missing(let part): "has no \(part); write postgresql://user@host/database"
        case .invalid(let parameter, let value): "has an invalid \(parameter): \(value)"
        case .unsupported(let parameter):
            "has the parameter \(parameter), which Gazette does not use (it knows host, port, sslmode, passfile and application_name)"
        }
    }
}
