import Foundation
import GazetteDigest
import GazetteIntake
import Logging

/// Everything Gazette can be configured with, with the defaults that work from the
/// repository root and no configuration file. `config/gazette.yaml` documents each key.
///
/// One model: the intake and the digest run on their own configuration types, held here as
/// they are; ``ConfigurationKey`` parses each value once, with the parser of the type that
/// uses it, so whatever passes validation runs.
///
/// Precedence: command-line flags > `GAZETTE_*` environment variables > file > defaults.
public struct GazetteConfiguration: Sendable, Equatable {
    public var logLevel: Logger.Level = .info
    /// The inbox, the state directory and how files are taken.
    public var intake = IntakeConfiguration(inbox: "./inbox", stateDirectory: "./state")
    /// Where, when and how digests are written.
    public var digest = DigestConfiguration(directory: "./digests")

    public init() {}

    /// Folder watched for new article files.
    public var inbox: String {
        get { intake.inbox }
        set { intake.inbox = newValue }
    }

    /// Holds `gazette.sqlite`, `archive/`, `failed/`, `attempts/` and the `work/` folder of claimed files.
    public var stateDirectory: String {
        get { intake.stateDirectory }
        set { intake.stateDirectory = newValue }
    }

    /// Where digests are written.
    public var digestDirectory: String {
        get { digest.directory }
        set { digest.directory = newValue }
    }

    public var databasePath: String { (stateDirectory as NSString).appendingPathComponent("gazette.sqlite") }
}
