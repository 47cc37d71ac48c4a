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
    /// The most Unicode scalars of a body the analysis reads: ``AnalysisLimit/scalars``, lower
    /// in tests.
    let analysisLimit: Int

    public init(analysisLimit: Int = AnalysisLimit.scalars) {
        self.analysisLimit = max(1, analysisLimit)
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

    /// Runs the analysis stages over an already clean body, or its first
    /// ``analysisLimit`` scalars (the analysis's text is then that start).
    public func analyze(body: String, publishedAt: Date?) -> Analysis {
        var timings: StageTimings? = nil
        return analyze(body: body, publishedAt: publishedAt, timings: &timings)
    }

    func analyze(body: String, publishedAt: Date?, timings: inout StageTimings?) -> Analysis {
        let text = timings.measure("text") {
            let analysed = AnalysisLimit.prefix(of: body[...], limit: analysisLimit)
            return AnalyzedText(body: analysed.endIndex == body.endIndex ? body : String(analysed))
        }
        var analysis = Analysis(text: text, publishedAt: publishedAt)
        for (i, stage) in stages.enumerated() where analysis.readsAsEnglish || !englishOnly[i] {
            timings.measure(stageNames[i]) { stage.run(&analysis) }
        }
        return analysis
    }
}
