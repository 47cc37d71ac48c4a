import ArgumentParser
import Foundation
import GazetteExtraction
import GazetteTraining

/// `gazette-tools train-ner`: trains the named-entity tagger on CoNLL-style BIO files.
struct TrainNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the NER tagger (averaged perceptron) on token-per-line BIO files.")

    @Option(
        help: "Training file: `token TAB BIO-tag [TAB …]`, blank line between sentences, -DOCSTART- between documents.")
    var train: String

    @Option(help: "Development file in the same format, used to pick the best epoch.")
    var dev: String

    @Option(help: "Where to write the model (e.g. Sources/GazetteExtraction/Resources/ner/ner.model).")
    var out: String

    @Option(help: "Folder with the gazetteer lists (scripts/build_gazetteers.py writes them).")
    var gazetteers = "Sources/GazetteExtraction/Resources/ner"

    @Option(help: "Training passes over the data; each model keeps the pass that scores best on --dev.")
    var epochs = 15

    @Option(help: "log2 of the number of hashed feature rows.")
    var rowBits = 19

    @Option(help: "Seed of the document visiting order.")
    var seed: UInt64 = 1

    @Option(help: "Train this many models, with seeds seed, seed+1, …, and write their average.")
    var models = 4

    @Option(help: "Extra gold files to score the final model on (not used for training or selection).")
    var report: [String] = []

    func validate() throws {
        guard (12...22).contains(rowBits) else { throw ValidationError("--row-bits must be between 12 and 22.") }
        guard epochs > 0 else { throw ValidationError("--epochs must be positive.") }
        guard models > 0 else { throw ValidationError("--models must be positive.") }
    }

    func run() throws {
        let gazetteer = Gazetteer.load(from: URL(fileURLWithPath: gazetteers))
        let clusters = WordClusters.load(from: URL(fileURLWithPath: gazetteers))
        let trainer = NERTrainer(gazetteer: gazetteer, clusters: clusters, rowBits: rowBits)
        let trainDocs = try BIOFile.read(train)
        let devDocs = try BIOFile.read(dev)
        print("train: \(trainDocs.count) documents, \(trainDocs.reduce(0) { $0 + $1.count }) sentences")
        var trained: [NERModel] = []
        for k in 0..<UInt64(models) {
            print("model \(k + 1) of \(models), seed \(seed + k)")
            trained.append(trainer.train(trainDocs, dev: devDocs, epochs: epochs, seed: seed + k) { print($0) })
        }
        let model = NERModel.average(trained)
        try model.serialized().write(to: URL(fileURLWithPath: out))
        print("dev: \(trainer.evaluate(model, on: devDocs))")
        for path in report {
            print("\((path as NSString).lastPathComponent): \(trainer.evaluate(model, on: try BIOFile.read(path)))")
        }
    }
}
