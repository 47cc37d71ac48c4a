import ArgumentParser

/// Developer tools: model training, benchmarks and synthetic data. Not needed to run Gazette.
@main
struct GazetteTools: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-tools",
        abstract: "Developer tools for Gazette: training, benchmarks, synthetic data.",
        subcommands: [
            TrainNER.self,
            CompileGazetteer.self,
            SyntheticStore.self,
            DigestBench.self,
            Bench.self,
            IngestBench.self,
        ]
    )
}
