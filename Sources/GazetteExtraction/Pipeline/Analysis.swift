import Foundation

/// The analysis of one article body in progress: the tokenised text, the reference time,
/// and what the stages have found so far. Stages run in order and each fills its fields.
public struct Analysis: Sendable {
    public let text: AnalyzedText
    /// Publication time: the anchor for relative dates (`yesterday`, `Tuesday`).
    public var publishedAt: Date?
    /// The body's language (ISO 639-1, ``LanguageDetector``).
    public let language: String
    /// Whether the English-only stages read the body: it is English, or its language is not
    /// sure enough to leave English out (``LanguageDetector/guess(_:)``).
    public let readsAsEnglish: Bool
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    public var dates: [DateMention] = []
    public var amounts: [Amount] = []
    public var keyphrases: [Keyphrase] = []
    public var summary: [String] = []
    public var tone: Double = 0

    public init(text: AnalyzedText, publishedAt: Date?) {
        self.text = text
        self.publishedAt = publishedAt
        let (language, sure) = LanguageDetector.guess(text)
        self.language = language
        self.readsAsEnglish = language == "en" || !sure
    }
}

/// One step of the analysis pipeline. A stage reads what earlier stages found and adds its
/// own findings; it never throws and never crashes on any input.
public protocol AnalysisStage: Sendable {
    func run(_ analysis: inout Analysis)
}
