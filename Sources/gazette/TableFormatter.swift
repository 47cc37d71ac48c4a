import Foundation
import Glibc

/// Lays out rows as aligned text columns for a terminal, each row optionally followed by an
/// indented, word-wrapped detail (a snippet, a quote).
///
/// Cells are single-line: newlines become spaces. When the table is wider than `width`, the
/// flexible columns are shortened with `…`; without a width (output is not a terminal) nothing
/// is cut, so piped output keeps every character.
struct TableFormatter {
    struct Column {
        var title: String
        var alignRight = false
        /// May be shortened to fit the width.
        var flexible = false

        init(_ title: String, alignRight: Bool = false, flexible: Bool = false) {
            self.title = title
            self.alignRight = alignRight
            self.flexible = flexible
        }
    }

    var columns: [Column]
    /// The line width to fit, or nil for no limit.
    var width: Int? = TableFormatter.terminalWidth

    static let gap = "  "
    /// Flexible columns are never cut shorter than this.
    static let minimumFlexibleWidth = 12

    func render(_ rows: [[String]], details: [String?] = []) -> String {
        let cells = rows.map { $0.map { Self.singleLine(TerminalText.clean($0)) } }
        var widths = columns.enumerated().map { index, column in
            cells.reduce(column.title.count) { max($0, index < $1.count ? Self.visibleWidth($1[index]) : 0) }
        }
        fit(&widths)
        var lines = [line(columns.map(\.title), widths).uppercased()]
        for (index, row) in cells.enumerated() {
            lines.append(line(row, widths))
            if index < details.count, let detail = details[index] {
                lines.append(contentsOf: Self.wrap(TerminalText.clean(detail), indent: 4, width: width))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func fit(_ widths: inout [Int]) {
        guard let width else { return }
        let total = widths.reduce(0, +) + Self.gap.count * max(0, widths.count - 1)
        var excess = total - width
        for index in columns.indices.reversed() where columns[index].flexible && excess > 0 {
            let cut = min(excess, max(0, widths[index] - Self.minimumFlexibleWidth))
            widths[index] -= cut
            excess -= cut
        }
    }

    private func line(_ row: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
            let cell = Self.truncate(index < row.count ? row[index] : "", to: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - Self.visibleWidth(cell)))
            let isLast = index == columns.count - 1
            parts.append(column.alignRight ? padding + cell : (isLast ? cell : cell + padding))
        }
        let text = parts.joined(separator: Self.gap)
        return String(text[..<(text.lastIndex { $0 != " " }.map(text.index(after:)) ?? text.startIndex)])
    }

    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard visibleWidth(text) > width, width > 0 else { return text }
        return String(stripEscapes(text).prefix(width - 1)) + "…"
    }

    /// Characters that take a place on screen: terminal escape sequences (highlights) take none.
    static func visibleWidth(_ text: String) -> Int {
        stripEscapes(text).count
    }

    static func stripEscapes(_ text: String) -> String {
        text.contains("\u{1B}") ? text.replacing(/\x1B\[[0-9;]*m/, with: "") : text
    }

    /// `text` as lines of at most `width` visible characters (when given), each indented.
    static func wrap(_ text: String, indent: Int, width: Int?) -> [String] {
        let prefix = String(repeating: " ", count: indent)
        let words = singleLine(text).split(separator: " ", omittingEmptySubsequences: true)
        guard let width, width > indent + 10 else { return [prefix + words.joined(separator: " ")] }
        var lines: [String] = []
        var current = ""
        for word in words {
            if !current.isEmpty, visibleWidth(current) + 1 + visibleWidth(String(word)) > width - indent {
                lines.append(prefix + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(prefix + current) }
        return lines
    }

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    /// `COLUMNS` overrides it, as in other command-line tools.
    static var terminalWidth: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 100 }
        return Int(size.ws_col)
    }
}
