import Foundation

/// A user's search text turned into a safe FTS5 query expression.
///
/// The syntax a user may type:
/// - words, all of which must appear (`tariff steel`); `AND` between them is allowed;
/// - `"quoted phrases"` (straight or curly quotes), whose words must appear in order;
/// - `OR` between alternatives (`brexit OR referendum`);
/// - `-word`, `-"phrase"` or `NOT word` to exclude;
/// - `word*` for any word starting so (`econom*`);
/// - parentheses to group (`(tariff OR duty) steel`).
///
/// Every word and phrase reaches FTS5 as a double-quoted string, so nothing the user types is
/// read as FTS5 syntax (column filters, `NEAR`, `^`, bare operators): the expression is always
/// valid, and mistakes are reported as ``SearchSyntaxError`` before SQLite sees them.
public struct SearchPattern: Sendable, Equatable {
    /// The FTS5 query, to bind as the right-hand side of `MATCH`.
    public let expression: String

    /// Bounds that keep parsing and matching fast whatever is typed (a query of 30,000 nested
    /// parentheses crashed the parser; 90 KB of `a* a* …` ran for minutes in FTS5).
    public static let maximumLength = 1_000
    public static let maximumDepth = 16
    public static let maximumTerms = 64
    public static let maximumPrefixTerms = 8

    public init(parsing text: String) throws(SearchSyntaxError) {
        guard text.count <= Self.maximumLength else { throw .tooLong(length: text.count, limit: Self.maximumLength) }
        let tokens = try Lexer.tokens(of: text)
        let terms = tokens.filter { if case .text = $0.kind { true } else { false } }
        guard terms.count <= Self.maximumTerms else { throw .tooManyTerms(limit: Self.maximumTerms) }
        let prefixes = terms.filter { if case .text(_, true) = $0.kind { true } else { false } }
        guard prefixes.count <= Self.maximumPrefixTerms else { throw .tooManyPrefixes(limit: Self.maximumPrefixTerms) }
        var parser = Parser(tokens: tokens)
        guard let first = parser.peek else { throw .empty }
        let node = try parser.parseAlternatives(
            ifEmpty: first.kind == .close
                ? .unmatchedParenthesis(at: first.position) : .danglingOperator("OR", at: first.position))
        // Alternatives stop only at the end or at a `)` that no group opened.
        if let extra = parser.peek { throw .unmatchedParenthesis(at: extra.position) }
        expression = node.fts5
    }
}

extension SearchPattern {
    fileprivate struct Token: Equatable {
        enum Kind: Equatable {
            /// A word or phrase; `prefix` when it ended with `*`.
            case text(String, prefix: Bool)
            case or, and, not, open, close
        }

        var kind: Kind
        /// 1-based character position in the query.
        var position: Int
    }

    fileprivate indirect enum Node {
        case text(String, prefix: Bool)
        case all(included: [Node], excluded: [Node])
        case any([Node])

        var fts5: String {
            switch self {
            case .text(let text, let prefix):
                "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
            case .all(let included, let excluded) where excluded.isEmpty:
                group(included, " AND ")
            case .all(let included, let excluded):
                // FTS5's NOT is binary and binds tightest: one NOT of the alternatives, in parentheses.
                "(" + group(included, " AND ") + " NOT " + group(excluded, " OR ") + ")"
            case .any(let nodes):
                group(nodes, " OR ")
            }
        }

        private func group(_ nodes: [Node], _ separator: String) -> String {
            nodes.count == 1 ? nodes[0].fts5 : "(" + nodes.map(\.fts5).joined(separator: separator) + ")"
        }
    }

    fileprivate enum Lexer {
        static let openingQuotes: Set<Character> = ["\"", "“", "„"]
        static let closingQuotes: Set<Character> = ["\"", "”", "“"]
        static let delimiters: Set<Character> = openingQuotes.union(closingQuotes).union(["(", ")"])

        static func tokens(of text: String) throws(SearchSyntaxError) -> [Token] {
            let characters = Array(text)
            var tokens: [Token] = []
            var index = 0
            while index < characters.count {
                let character = characters[index]
                let position = index + 1
                if character.isWhitespace {
                    index += 1
                } else if character == "(" || character == ")" {
                    tokens.append(Token(kind: character == "(" ? .open : .close, position: position))
                    index += 1
                } else if character == "-", index + 1 < characters.count, !characters[index + 1].isWhitespace {
                    tokens.append(Token(kind: .not, position: position))
                    index += 1
                } else if character == "-" {
                    throw .danglingExclusion(at: position)
                } else if openingQuotes.contains(character) {
                    guard let end = characters[(index + 1)...].firstIndex(where: closingQuotes.contains) else {
                        throw .unclosedQuote(at: position)
                    }
                    let phrase = String(characters[(index + 1)..<end])
                    var prefix = false
                    index = end + 1
                    while index < characters.count, characters[index] == "*" {
                        prefix = true
                        index += 1
                    }
                    if hasWordCharacters(phrase) {
                        tokens.append(Token(kind: .text(phrase, prefix: prefix), position: position))
                    }
                } else if delimiters.contains(character) {
                    // A closing quote with no opening one: punctuation, like any other.
                    index += 1
                } else {
                    var end = index + 1
                    while end < characters.count, !characters[end].isWhitespace, !delimiters.contains(characters[end]) {
                        end += 1
                    }
                    let word = String(characters[index..<end])
                    index = end
                    switch word {
                    case "OR": tokens.append(Token(kind: .or, position: position))
                    case "AND": tokens.append(Token(kind: .and, position: position))
                    case "NOT": tokens.append(Token(kind: .not, position: position))
                    default:
                        let stem = String(word.prefix { $0 != "*" })
                        let stars = word.dropFirst(stem.count)
                        if stem.isEmpty && !stars.isEmpty {
                            throw .loneWildcard(at: position)
                        }
                        if stars.contains(where: { $0 != "*" }) {
                            throw .loneWildcard(at: position + stem.count)
                        }
                        if hasWordCharacters(stem) {
                            tokens.append(Token(kind: .text(stem, prefix: !stars.isEmpty), position: position))
                        }
                    }
                }
            }
            return tokens
        }

        /// Whether FTS5's unicode61 tokenizer would find a token in `text`; punctuation alone
        /// is dropped rather than sent as an empty phrase.
        static func hasWordCharacters(_ text: String) -> Bool {
            text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
    }

    fileprivate struct Parser {
        let tokens: [Token]
        var index = 0
        /// Groups open around the token being read.
        var depth = 0

        init(tokens: [Token]) { self.tokens = tokens }

        var peek: Token? { index < tokens.count ? tokens[index] : nil }

        /// alternatives := conjunction ("OR" conjunction)*
        ///
        /// `ifEmpty` is thrown when the first alternative has nothing in it.
        mutating func parseAlternatives(ifEmpty: SearchSyntaxError) throws(SearchSyntaxError) -> Node {
            var nodes = [try parseConjunction(ifEmpty: ifEmpty)]
            while let or = peek, or.kind == .or {
                index += 1
                nodes.append(try parseConjunction(ifEmpty: .danglingOperator("OR", at: or.position)))
            }
            return nodes.count == 1 ? nodes[0] : .any(nodes)
        }

        /// conjunction := (["AND"] ["-" | "NOT"] primary)+
        mutating func parseConjunction(ifEmpty: SearchSyntaxError) throws(SearchSyntaxError) -> Node {
            guard let first = peek, first.kind != .or, first.kind != .close else { throw ifEmpty }
            var included: [Node] = []
            var excluded: [Node] = []
            while let token = peek, token.kind != .or, token.kind != .close {
                switch token.kind {
                case .and:
                    index += 1
                    if included.isEmpty && excluded.isEmpty || !startsOperand(peek) {
                        throw .danglingOperator("AND", at: token.position)
                    }
                case .not:
                    index += 1
                    guard startsOperand(peek), peek?.kind != .not else { throw .danglingExclusion(at: token.position) }
                    excluded.append(try parsePrimary())
                default:
                    included.append(try parsePrimary())
                }
            }
            guard !included.isEmpty else { throw .onlyExclusions(at: first.position) }
            return excluded.isEmpty && included.count == 1 ? included[0] : .all(included: included, excluded: excluded)
        }

        /// Whether `token` can begin a word, phrase, group or exclusion.
        func startsOperand(_ token: Token?) -> Bool {
            guard let kind = token?.kind else { return false }
            return kind != .or && kind != .and && kind != .close
        }

        /// primary := text | "(" alternatives ")"
        mutating func parsePrimary() throws(SearchSyntaxError) -> Node {
            guard let token = peek else { throw .empty }
            index += 1
            switch token.kind {
            case .text(let text, let prefix):
                return .text(text, prefix: prefix)
            case .open:
                guard peek != nil else { throw .unclosedParenthesis(at: token.position) }
                guard depth < SearchPattern.maximumDepth else {
                    throw .tooDeep(at: token.position, limit: SearchPattern.maximumDepth)
                }
                depth += 1
                defer { depth -= 1 }
                let node = try parseAlternatives(
                    ifEmpty: peek?.kind == .close
                        ? .emptyGroup(at: token.position)
                        : .danglingOperator("OR", at: peek?.position ?? token.position))
                guard peek?.kind == .close else { throw .unclosedParenthesis(at: token.position) }
                index += 1
                return node
            case .close:
                throw .unmatchedParenthesis(at: token.position)
            case .or, .and, .not:
                throw .danglingOperator(token.kind == .and ? "AND" : "OR", at: token.position)
            }
        }
    }
}
