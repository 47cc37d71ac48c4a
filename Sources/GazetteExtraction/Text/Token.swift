/// A token of the body: a word, number, punctuation mark or symbol.
///
/// Offsets are Unicode scalar offsets into the body, half-open.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
        case symbol
    }

    public var start: Int
    public var end: Int
    public var kind: Kind

    public init(start: Int, end: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    public var range: Range<Int> { start..<end }
}

/// A sentence: a range of tokens and the scalar span they cover.
public struct Sentence: Sendable, Equatable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int

    public init(tokens: Range<Int>, start: Int, end: Int) {
        self.tokens = tokens
        self.start = start
        self.end = end
    }
}
