import Mustache

/// Mustache escaping for Markdown: article text can neither format nor inject HTML.
///
/// Registered as the `MARKDOWN` content type (`{{% CONTENT_TYPE: MARKDOWN}}` in a template).
struct MarkdownContentType: MustacheContentType {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~"]

    func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            if character == "\n" {
                escaped.append(" ")
                continue
            }
            if Self.special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
