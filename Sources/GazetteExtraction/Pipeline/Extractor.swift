import Foundation

/// Runs the whole pipeline on one file's bytes and returns its ``ExtractionRecord``.
///
/// Pure: no I/O besides the resources loaded once at initialisation; safe to share between
/// tasks.
public struct Extractor: Sendable {
    /// Bumped whenever a change would alter stored records, so `gazette reprocess` can find
    /// articles made by an older pipeline.
    public static let pipelineVersion = "1"

    let stages: [any AnalysisStage]
    /// The stages' type names, for ``StageTimings``.
    let stageNames: [String]

    public init() {
        let stages: [any AnalysisStage] = [
            EntityStage(),
            KeyphraseStage(),
            SummaryStage(),
            ToneStage(),
            QuoteStage(),
            DateStage(),
            AmountStage(),
        ]
        self.stages = stages
        self.stageNames = stages.map { String(describing: type(of: $0)) }
    }

    /// Runs the analysis stages over an already clean body.
    public func analyze(body: String, publishedAt: Date?) -> Analysis {
        var timings: StageTimings? = nil
        return analyze(body: body, publishedAt: publishedAt, timings: &timings)
    }

    func analyze(body: String, publishedAt: Date?, timings: inout StageTimings?) -> Analysis {
        let text = timings.measure("text") { AnalyzedText(body: body) }
        var analysis = Analysis(text: text, publishedAt: publishedAt)
        for (stage, name) in zip(stages, stageNames) {
            timings.measure(name) { stage.run(&analysis) }
        }
        return analysis
    }
}
