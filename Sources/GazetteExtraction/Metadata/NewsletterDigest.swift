import Foundation

/// The stories of a digest newsletter, each an article with the message's metadata (sender,
/// date) and its own headline as title.
///
/// Conservative, since a wrong split is worse than none: the message's text must be cut by rule
/// lines (`---`, `* * *`, `___`, `• • •`) into sections, at least two of them stories (a headline
/// of three to twenty words that does not end like a sentence, then at least forty words of
/// prose with two sentence ends) and every other section short (an intro, a sign-off). An essay
/// with section breaks, whose sections open with prose, stays one article.
enum NewsletterDigest {
    static let minimumStories = 2
    static let minimumStoryWords = 40
    static let maximumOtherWords = 60

    /// The stories, or nil when the message is not clearly a digest.
    static func stories(in draft: ArticleDraft) -> [ArticleDraft]? {
        let sections = draft.lines.split(whereSeparator: isRule)
        guard sections.count >= minimumStories else { return nil }
        var stories: [ArticleDraft] = []
        for section in sections {
            if let story = story(section, metadata: draft.metadata) {
                stories.append(story)
            } else if wordCount(section) > maximumOtherWords {
                return nil
            }
        }
        return stories.count >= minimumStories ? stories : nil
    }

    /// A section as a story: its headline and the prose after it.
    static func story(_ section: ArraySlice<String>, metadata: ArticleMetadata) -> ArticleDraft? {
        guard let first = section.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
            let headline = headline(section[first])
        else { return nil }
        let body = section[(first + 1)...]
        guard wordCount(body) >= minimumStoryWords, sentenceEnds(body) >= 2 else { return nil }
        var story = ArticleDraft(lines: Array(body), metadata: metadata)
        story.metadata.title = headline
        story.metadata.titleSource = .heading
        return story
    }

    /// The line as a headline (Markdown `#` and `**` marks removed), nil when it is not one.
    static func headline(_ line: String) -> String? {
        var text = Substring(line).drop(while: { $0 == "#" || $0.isWhitespace })
        while text.hasPrefix("**"), text.hasSuffix("**"), text.count > 4 { text = text.dropFirst(2).dropLast(2) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let words = trimmed.split(separator: " ").count
        guard (3...20).contains(words), trimmed.count <= 160, let first = trimmed.first, let last = trimmed.last,
            first.isUppercase || first.isNumber, !".,;:".contains(last)
        else { return nil }
        return trimmed
    }

    /// A line that is only a rule: one character of `-*_=~•·` repeated at least three times,
    /// spaces allowed between.
    static func isRule(_ line: String) -> Bool {
        let marks = line.filter { !$0.isWhitespace }
        guard marks.count >= 3, let mark = marks.first, "-*_=~•·".contains(mark) else { return false }
        return marks.allSatisfy { $0 == mark }
    }

    static let closingMarks = CharacterSet(charactersIn: "\"'”’)")

    static func wordCount(_ lines: ArraySlice<String>) -> Int {
        lines.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
    }

    /// Full stops, question and exclamation marks that end a word: sentence ends.
    static func sentenceEnds(_ lines: ArraySlice<String>) -> Int {
        lines.reduce(0) { count, line in
            count
                + line.split(whereSeparator: \.isWhitespace).filter { word in
                    let stripped = String(word).trimmingCharacters(in: closingMarks)
                    return stripped.count > 1 && ".!?".contains(stripped.last!)
                }.count
        }
    }
}
