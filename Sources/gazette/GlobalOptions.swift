import ArgumentParser
import GazetteDaemon
import Logging

/// Options every command shares: where the configuration and the data are.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "YAML configuration file (default: $GAZETTE_CONFIG, else built-in defaults).", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Folder watched for article files (default ./inbox).", valueName: "DIR"))
    var inbox: String?

    @Option(
        name: .customLong("state-dir"),
        help: ArgumentHelp("Folder for the database, archive and quarantine (default ./state).", valueName: "DIR"))
    var stateDir: String?

    @Option(
        name: .customLong("digest-dir"),
        help: ArgumentHelp("Folder digests are written to (default ./digests).", valueName: "DIR"))
    var digestDir: String?

    @Option(name: .customLong("log-level"), help: ArgumentHelp("How much to log (default info).", valueName: "LEVEL"))
    var logLevel: Logger.Level?

    /// The configuration from defaults, file and environment, with these flags on top.
    func resolve() async throws -> GazetteConfiguration {
        let loader = ConfigurationLoader()
        var configuration: GazetteConfiguration
        do {
            configuration = try await loader.load(file: loader.configurationFile(flag: config))
        } catch {
            throw CommandFailure(error.description)
        }
        apply(to: &configuration)
        return configuration
    }

    func apply(to configuration: inout GazetteConfiguration) {
        if let inbox { configuration.inbox = inbox }
        if let stateDir { configuration.stateDirectory = stateDir }
        if let digestDir { configuration.digestDirectory = digestDir }
        if let logLevel { configuration.logLevel = logLevel }
    }
}

/// A failure to report to the user as one sentence on standard error, exiting with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
