import Foundation

/// Runs the whole pipeline on one file's bytes and returns its ``ExtractionRecord``.
///
/// Pure: no I/O besides the resources loaded once at initialisation; safe to share between
/// tasks.
public struct Extractor: Sendable {
    /// Bumped whenever a change would alter stored records, so `gazette reprocess` can find
    /// articles made by an older pipeline.
    public static let pipelineVersion = "3"

    let stages: [any AnalysisStage]
    /// The stages' type names, for ``StageTimings``.
    let stageNames: [String]
    /// Whether each stage reads English only (its lexicons, model and rules are English): it
    /// is skipped for text in another language rather than turn its words into names.
    let englishOnly: [Bool]

    public init() {
        let stages: [(any AnalysisStage, englishOnly: Bool)] = [
            (EntityStage(), true),
            (KeyphraseStage(), true),
            (SummaryStage(), false),
            (ToneStage(), true),
            (QuoteStage(), true),
            (DateStage(), false),
            (AmountStage(), false),
        ]
        self.stages = stages.map(\.0)
        self.stageNames = stages.map { String(describing: type(of: $0.0)) }
        self.englishOnly = stages.map(\.englishOnly)
    }

    /// Runs the analysis stages over an already clean body.
    public func analyze(body: String, publishedAt: Date?) -> Analysis {
        var timings: StageTimings? = nil
        return analyze(body: body, publishedAt: publishedAt, timings: &timings)
    }

    func analyze(body: String, publishedAt: Date?, timings: inout StageTimings?) -> Analysis {
        let text = timings.measure("text") { AnalyzedText(body: body) }
        var analysis = Analysis(text: text, publishedAt: publishedAt)
        for (i, stage) in stages.enumerated() where analysis.readsAsEnglish || !englishOnly[i] {
            timings.measure(stageNames[i]) { stage.run(&analysis) }
        }
        return analysis
    }
}
