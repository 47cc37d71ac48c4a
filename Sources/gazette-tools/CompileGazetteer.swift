import ArgumentParser
import Foundation
import GazetteExtraction

/// `gazette-tools compile-gazetteer`: writes the gazetteer's compiled table beside its lists, so
/// that the pipeline reads it at start instead of tokenising every phrase.
struct CompileGazetteer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile-gazetteer",
        abstract: "Compile the gazetteer lists into \(Gazetteer.compiledFileName) (run after changing a list).")

    @Option(help: "Folder with the gazetteer lists; the table is written there.")
    var folder = "Sources/GazetteExtraction/Resources/ner"

    func run() throws {
        let directory = URL(fileURLWithPath: folder)
        let bytes = Gazetteer.compile(from: directory)
        let url = directory.appendingPathComponent(Gazetteer.compiledFileName)
        try Data(bytes).write(to: url, options: .atomic)
        print("wrote \(url.path) (\(bytes.count) bytes)")
    }
}
