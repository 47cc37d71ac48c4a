/// Why a search query could not be understood, in words: never a raw SQLite message.
///
/// Positions count characters of the query from 1.
public enum SearchSyntaxError: Error, CustomStringConvertible, Equatable {
    /// Nothing to look for: the query is blank or holds only punctuation.
    case empty
    case unclosedQuote(at: Int)
    case unclosedParenthesis(at: Int)
    case unmatchedParenthesis(at: Int)
    /// `OR` or `AND` without a word on one side.
    case danglingOperator(String, at: Int)
    /// `-` or `NOT` with nothing after it.
    case danglingExclusion(at: Int)
    /// A group with only excluded words: full-text search can only exclude from something found.
    case onlyExclusions(at: Int)
    /// `*` not attached to the end of a word.
    case loneWildcard(at: Int)
    /// Parentheses with nothing inside.
    case emptyGroup(at: Int)
    case tooLong(length: Int, limit: Int)
    case tooDeep(at: Int, limit: Int)
    case tooManyTerms(limit: Int)
    case tooManyPrefixes(limit: Int)

    public var description: String {
        switch self {
        case .empty:
            "The search has no words to look for; give at least one word, e.g. `gazette search brexit`."
        case .unclosedQuote(let at):
            "The quotation mark at character \(at) is never closed; end the phrase with another \"."
        case .unclosedParenthesis(let at):
            "The parenthesis opened at character \(at) is never closed; add a ')'."
        case .unmatchedParenthesis(let at):
            "The ')' at character \(at) has no matching '('."
        case .danglingOperator(let word, let at):
            "'\(word)' at character \(at) needs a word or phrase on both sides, e.g. `tariffs \(word) trade`."
        case .danglingExclusion(let at):
            "The exclusion at character \(at) needs a word or phrase after it, e.g. `-football`."
        case .onlyExclusions(let at):
            "The part of the search starting at character \(at) only excludes words; add a word to look for, e.g. `election -football`."
        case .loneWildcard(let at):
            "The '*' at character \(at) must end a word, as in `econom*`."
        case .emptyGroup(let at):
            "The parentheses at character \(at) hold nothing; put words inside or remove them."
        case .tooLong(let length, let limit):
            "The search is \(length) characters long; keep it within \(limit)."
        case .tooDeep(let at, let limit):
            "The parenthesis at character \(at) nests groups more than \(limit) deep; flatten the search."
        case .tooManyTerms(let limit):
            "The search has more than \(limit) words and phrases; keep the ones that matter."
        case .tooManyPrefixes(let limit):
            "The search has more than \(limit) words ending in '*'; each one matches many words, so use fewer."
        }
    }
}
