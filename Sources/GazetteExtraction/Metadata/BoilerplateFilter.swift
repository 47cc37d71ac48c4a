import Foundation

/// Lines a web page leaves in saved text that are not article text: newsletter and share
/// prompts, ad markers, photo credits, separators and comment counters.
enum BoilerplateFilter {
    /// Whole lines (lower-cased, without trailing `:`) that are page furniture.
    static let lines: Set<String> = [
        "after newsletter promotion", "skip past newsletter promotion", "advertisement", "ad", "sponsored",
        "sponsored content", "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "share on x", "share via email", "share on whatsapp", "share on linkedin", "copy link",
        "link copied", "related", "related articles", "related stories", "related topics", "related content",
        "read more", "more on this story", "continue reading", "continue reading the main story", "sign up",
        "subscribe", "subscribe now", "comments", "view comments", "show comments", "most viewed", "most popular",
        "most read", "reuse this content", "explore more on these topics", "topics", "print", "email", "facebook",
        "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "listen to this article", "listen", "image source",
        "image caption", "media caption", "getty images", "story continues below advertisement",
        "advertisement - scroll to continue", "scroll to continue with content", "supported by", "click here",
        "skip to main content", "skip to content", "jump to comments", "back to top", "follow us", "newsletter",
        "loading", "loading...", "close", "menu", "search", "save", "saved", "bookmark", "gift this article",
        "opens in new window", "open in new window", "view image in fullscreen", "enlarge this image", "watch",
        "play video", "video", "audio", "photo", "hide caption", "toggle caption", "show caption",
    ]

    /// Beginnings (lower-cased) of promotional or navigational lines.
    static let prefixes = [
        "sign up to ", "sign up for ", "related: ", "read more: ", "read more about ", "also read:", "see also:",
        "follow us on ", "subscribe to ", "privacy notice:", "newsletters may contain", "we operate google recaptcha",
        "skip past newsletter", "click here to ", "this article was amended", "this article is more than",
        "image source:", "image caption:", "media caption:", "more from ", "get the latest ", "download the ",
        "advertisement ", "follow @", "share this with", "listen to this article", "read next:", "recommended:",
        "you might also like", "don't miss:", "© ", "copyright ©",
    ]

    /// Markers of a photo caption credit (`… Photograph: Alexander Kazakov/AP`).
    static let captionMarkers = [
        "Photograph: ", "Photo: ", "Illustration: ", "Composite: ", "Photograph by ", "Image: ", "Picture: ",
    ]

    static func isBoilerplate(_ line: String) -> Bool {
        guard line.hasAtMost(400) else { return false }
        var lower = line.lowercased()
        while lower.hasSuffix(":") || lower.hasSuffix(" ") { lower.removeLast() }
        if lines.contains(lower) { return true }
        if prefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        // `contains` is slow; a line without a marker's bytes cannot contain the marker.
        return captionMarkers.contains { line.containsBytes($0) && line.contains($0) }
    }

    /// A line of only bullets, dashes, bars or similar marks (`-`, `•`, `* * *`).
    static func isSeparator(_ line: String) -> Bool {
        line.hasAtMost(12) && !line.isEmpty && line.allSatisfy { "-–—•·*|_=~#>/\\.…+ ".contains($0) }
    }

    /// A comment or share counter: `3`, `1.2k`, `45 comments`.
    static func isCounter(_ line: String) -> Bool {
        guard line.hasAtMost(24) else { return false }
        let lower = line.lowercased()
        let number = lower.prefix(while: { $0.isNumber || $0 == "." || $0 == "," || $0 == "k" })
        guard let first = number.first, first.isNumber else { return false }
        let rest = lower.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        return ["", "comments", "comment", "shares", "share", "replies", "reactions", "likes"].contains(rest)
    }
}
