import Foundation

/// Recognises a line that is a byline rather than article text, in the shapes news sites use:
/// `By Jane Doe and John Roe`, `By Jane Doe, Guardian columnist`, `Jane Doe, economics editor`,
/// `Martin Kettle is a Guardian columnist`, `(Reporting by Jane Doe; Editing by John Roe)`.
enum BylineParser {
    struct Byline: Equatable {
        var authors: [String]
        var role: String?
        var publication: String?
    }

    static let byPrefixes = [
        "by ", "written by ", "words by ", "story by ", "reporting by ", "(reporting by ", "text by ",
    ]
    /// Lower-case words allowed inside a name (`Ursula von der Leyen`, `Carlos de la Cruz`).
    static let particles: Set<String> = [
        "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "ibn", "dos", "das", "del", "y",
        "ter", "ten", "st",
    ]
    /// Capitalised words that start sentences, not names.
    static let notNames: Set<String> = [
        "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "I", "There", "Here", "A",
        "An",
        "In", "On", "At", "For", "But", "And", "Or", "If", "When", "What", "Who", "Why", "How", "Some", "Many", "Most",
        "All", "Our", "Their", "His", "Her", "Its", "My", "Your", "One", "Each", "Every", "No", "Not", "Yet", "So",
    ]

    static func parse(_ line: String) -> Byline? {
        guard line.hasAtMost(200) else { return nil }
        guard line.spaceSeparatedCount <= 30 else { return nil }
        let lower = line.lowercased()
        for prefix in byPrefixes where lower.hasPrefix(prefix) {
            return byLine(String(line.dropFirst(prefix.count)))
        }
        if let byline = authorNote(line) { return byline }
        return nameCommaRole(line)
    }

    /// The part after `By `: names, then optional role or publication after `,` `|` `-` `—`.
    static func byLine(_ rest: String) -> Byline? {
        var text = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ).;"))
        if let semicolon = text.firstIndex(of: ";") { text = String(text[..<semicolon]) }
        let pieces = text.components(separatedBy: CharacterSet(charactersIn: ",|—–")).flatMap {
            $0.components(separatedBy: " - ")
        }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = pieces.first else { return nil }
        var authors: [String] = []
        var extra: [String] = []
        var namesPart = first
        // `By Jane Doe in Kyiv`: the place is not part of the name.
        if let range = namesPart.range(of: " in "), namesPart[range.upperBound...].first?.isUppercase == true {
            namesPart = String(namesPart[..<range.lowerBound])
        }
        for candidate in splitNames(namesPart) {
            guard let name = name(candidate) else {
                guard first.split(separator: " ").count <= 4 else { return nil }
                return Publications.find(in: first).map { Byline(authors: [], role: nil, publication: $0) }
            }
            authors.append(name)
        }
        for piece in pieces.dropFirst() {
            if extra.isEmpty, !Roles.mentionsRole(piece), Publications.find(in: piece) == nil, let more = name(piece) {
                authors.append(more)
            } else {
                extra.append(piece)
            }
        }
        let role = extra.first { Roles.mentionsRole($0) }
        let publication = extra.lazy.compactMap { Publications.find(in: $0) }.first
        return Byline(authors: authors, role: role, publication: publication)
    }

    /// `Martin Kettle is a Guardian columnist`, `Jane Doe and John Roe are BBC reporters`.
    static func authorNote(_ line: String) -> Byline? {
        var text = line
        if text.hasSuffix(".") { text.removeLast() }
        // Foundation's `contains` and `range(of:)` are slow; without a pattern's bytes the text
        // cannot contain it, so most lines are settled by a byte search.
        guard !(text.containsBytes(". ") && text.contains(". ")),
            !(text.containsBytes("\u{201C}") && text.contains("\u{201C}")),
            !(text.containsBytes("\"") && text.contains("\""))
        else { return nil }
        for verb in [" is ", " are ", " was "] {
            guard text.containsBytes(verb), let range = text.range(of: verb) else { continue }
            let names = splitNames(String(text[..<range.lowerBound])).compactMap(name)
            guard !names.isEmpty, names.count == splitNames(String(text[..<range.lowerBound])).count else { return nil }
            // An author note names a role right after an article (`is a Guardian columnist`)
            // or at once (`is technology correspondent for …`).
            var role = String(text[range.upperBound...])
            let article = ["a ", "an ", "the "].first { role.hasPrefix($0) }
            role = String(role.dropFirst(article?.count ?? 0))
            let lead = role.split(separator: " ").prefix(article == nil ? 2 : 4).joined(separator: " ")
            guard Roles.mentionsRole(lead), role.split(separator: " ").count <= 16 else { return nil }
            return Byline(authors: names, role: role, publication: Publications.find(in: role))
        }
        return nil
    }

    /// `Larry Elliott, economics editor` on a short line of its own.
    static func nameCommaRole(_ line: String) -> Byline? {
        guard line.hasAtMost(90), let comma = line.firstIndex(of: ","), !line.hasSuffix(".") else { return nil }
        let role = line[line.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        guard let author = name(String(line[..<comma])), Roles.mentionsRole(role), role.split(separator: " ").count <= 8
        else { return nil }
        return Byline(authors: [author], role: role, publication: Publications.find(in: role))
    }

    static func splitNames(_ text: String) -> [String] {
        text.replacingOccurrences(of: " & ", with: " and ").components(separatedBy: " and ")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The text as a person's name (2–5 words, capitalised or name particles), title-cased when
    /// it is all capitals; nil when it does not look like one.
    static func name(_ text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard (2...5).contains(words.count), let first = words.first, !notNames.contains(first) else { return nil }
        var capitalised = 0
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "\u{2019}" }) else {
                return nil
            }
            if word.first?.isUppercase == true { capitalised += 1 } else if !particles.contains(word) { return nil }
        }
        guard capitalised >= 2, Publications.find(in: text) == nil || words.count > 3 else { return nil }
        let allCaps = text.allSatisfy { !$0.isLetter || $0.isUppercase }
        guard allCaps else { return text }
        return words.map { $0.count > 2 ? $0.prefix(1) + $0.dropFirst().lowercased() : $0 }.joined(separator: " ")
    }
}
