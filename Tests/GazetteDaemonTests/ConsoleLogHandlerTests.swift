import Testing

@testable import GazetteDaemon

/// Regression: file names were logged raw, so a name holding ESC or CR could rewrite the
/// operator's terminal or forge a journal line.
@Suite struct ConsoleLogHandlerTests {
    @Test func controlCharactersInValuesAreEscaped() {
        #expect(ConsoleLogHandler.quoted("report\u{1B}[2J.txt") == "\"report\\x1b[2J.txt\"")
        #expect(ConsoleLogHandler.quoted("a\rforged line") == "\"a\\x0dforged line\"")
        #expect(ConsoleLogHandler.quoted("two\nlines") == "\"two\\nlines\"")
        #expect(ConsoleLogHandler.quoted("plain.txt") == "plain.txt")
        #expect(ConsoleLogHandler.escapingControls("bell\u{07} c1\u{9B}") == "bell\\x07 c1\\x9b")
    }
}
