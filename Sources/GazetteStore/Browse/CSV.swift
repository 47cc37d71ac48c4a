/// RFC 4180 CSV: fields quoted when they hold a comma, quote, CR or LF; quotes doubled; CRLF
/// line ends. A text cell that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or CR) gets a leading `'` (OWASP's advice against CSV injection); numbers
/// such as `-0.25` are left as they are.
public enum CSV {
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
