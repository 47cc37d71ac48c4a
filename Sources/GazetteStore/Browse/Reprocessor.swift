import Foundation
import GazetteExtraction

/// Re-runs the current pipeline over stored raw bytes and replaces each article's record, one
/// transaction per article: `gazette reprocess`. Resumable: an article replaced carries the new
/// pipeline version, so ``Selection/outdated`` skips it when run again.
///
/// An article that is a part of a file of several (`item 3`) gets the record of the same part
/// of its file; the file is extracted once for its consecutive parts, and a part the file no
/// longer yields keeps its old record. An article stored whole from a file that the pipeline now
/// reads as several (a feed or JSON array stored by pipeline 2) becomes the first of them and
/// the others are added.
public struct Reprocessor: Sendable {
    /// Which articles to reprocess.
    public enum Selection: Sendable, Equatable {
        /// Those another pipeline version made.
        case outdated
        /// Every article.
        case all
        /// These ids, whatever made them.
        case ids([Int64])
    }

    /// What happened to an article that could not be reprocessed; it keeps its old record.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case missing(id: Int64)
        case noBytes(id: Int64)
        case refused(id: Int64, reason: String)

        public var description: String {
            switch self {
            case .missing(let id): "There is no article with id \(id)."
            case .noBytes(let id): "Article \(id) was stored without its bytes, so it cannot be reprocessed."
            case .refused(let id, let reason): "Article \(id) keeps its old record: \(reason)"
            }
        }
    }

    /// Progress after each batch.
    public struct Progress: Sendable, Equatable {
        public var replaced = 0
        public var failed = 0
        public var total = 0
        /// Articles added by splitting a file stored whole into its parts.
        public var added = 0

        public init(replaced: Int = 0, failed: Int = 0, total: Int = 0, added: Int = 0) {
            self.replaced = replaced
            self.failed = failed
            self.total = total
            self.added = added
        }
    }

    let database: any ArticleStore
    let extractor: Extractor
    let batchSize: Int

    public init(database: any ArticleStore, extractor: Extractor = Extractor(), batchSize: Int = 100) {
        self.database = database
        self.extractor = extractor
        self.batchSize = max(1, batchSize)
    }

    /// The ids `selection` names, in order.
    public func targets(_ selection: Selection) throws -> [Int64] {
        switch selection {
        case .outdated: try database.articleIDs(notMadeByPipeline: Extractor.pipelineVersion)
        case .all: try database.articleIDs(in: .always)
        case .ids(let ids): ids
        }
    }

    /// Reprocesses `targets` in batches, telling `problem` of each article that keeps its old
    /// record and `progress` after each batch; returns the final figures. Throws only when the
    /// store fails (what was replaced stays replaced).
    public func run(
        _ targets: [Int64], problem: (Problem) -> Void, progress: (Progress) -> Void
    ) throws -> Progress {
        var figures = Progress(total: targets.count)
        var last: (bytes: [UInt8], modified: Date, file: Result<ExtractedFile, ExtractionError>)?
        for start in stride(from: 0, to: targets.count, by: batchSize) {
            let batch = Array(targets[start..<min(start + batchSize, targets.count)])
            let sources = try database.storedSources(ids: batch)
            for missing in Set(batch).subtracting(sources.map(\.id)).sorted() {
                figures.failed += 1
                problem(.missing(id: missing))
            }
            for source in sources {
                guard let bytes = source.bytes else {
                    figures.failed += 1
                    problem(.noBytes(id: source.id))
                    continue
                }
                if last == nil || last!.modified != source.modified || last!.bytes != bytes {
                    let document = SourceDocument(path: source.path, bytes: bytes, modified: source.modified)
                    last = (
                        bytes, source.modified,
                        Result { () throws(ExtractionError) in try extractor.extractFile(document) }
                    )
                }
                let record: ExtractionRecord
                switch last!.file {
                case .failure(let error):
                    figures.failed += 1
                    problem(.refused(id: source.id, reason: error.description))
                    continue
                case .success(let file):
                    if source.part == nil, !file.records.contains(where: { $0.source.part == nil }) {
                        let added = try database.splitExtraction(articleID: source.id, records: file.records)
                        figures.added += added.count
                        figures.replaced += 1
                        continue
                    }
                    guard let same = file.records.first(where: { $0.source.part == source.part }) else {
                        figures.failed += 1
                        problem(
                            .refused(
                                id: source.id, reason: "its file no longer yields the article at \(source.part ?? "").")
                        )
                        continue
                    }
                    record = same
                }
                try database.replaceExtraction(articleID: source.id, record: record)
                figures.replaced += 1
            }
            progress(figures)
        }
        return figures
    }
}
