import ArgumentParser
import GazetteDaemon
import Logging

/// `gazette run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: watch the inbox, ingest every article, write digests on schedule.",
        discussion:
            "Stops cleanly on SIGTERM or SIGINT (files being ingested are finished); SIGHUP re-reads the configuration. Under systemd (Type=notify) it reports readiness, status and watchdog pings."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let configuration = try await global.resolve()
        let level = SharedLogLevel(configuration.logLevel)
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, level: level) }
        let logger = Logger(label: "gazette")
        let global = self.global
        let daemon = Daemon(configuration: configuration, logLevel: level, logger: logger) {
            try await global.resolve()
        }
        do {
            try await daemon.run()
        } catch {
            logger.critical("daemon stopped", metadata: ["error": "\(error)"])
            throw CommandFailure("\(error)")
        }
    }
}
