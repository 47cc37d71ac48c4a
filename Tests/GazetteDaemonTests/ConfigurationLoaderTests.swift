import Foundation
import GazetteDaemon
import GazetteDigest
import GazetteIntake
import Testing

@Suite struct ConfigurationLoaderTests {
    private func withFile(_ yaml: String, _ body: (String) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-config-\(UUID().uuidString).yaml"
        ).path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await body(path)
    }

    @Test func defaultsWithoutFileOrEnvironment() async throws {
        let configuration = try await ConfigurationLoader(environment: [:]).load(file: nil)
        #expect(configuration == GazetteConfiguration())
        #expect(configuration.inbox == "./inbox")
        #expect(configuration.databasePath == "./state/gazette.sqlite")
    }

    @Test func shippedConfigFileEqualsDefaults() async throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/gazette.yaml").path
        let configuration = try await ConfigurationLoader(environment: [:]).load(file: shipped)
        #expect(configuration == GazetteConfiguration())
    }

    @Test func fileValuesAreRead() async throws {
        try await withFile(
            """
            inbox: /tmp/in
            log_level: debug
            intake:
              max_file_size: 1MiB
              include: ["*.txt", "*.md"]
              after_ingest: delete
              poll_interval: 500ms
            digest:
              times: ["06:30", "18:00"]
              time_zone: Europe/London
              window: 7d
              keep_days: 30
            """
        ) { path in
            let c = try await ConfigurationLoader(environment: [:]).load(file: path)
            #expect(c.inbox == "/tmp/in")
            #expect("\(c.logLevel)" == "debug")
            #expect(c.intake.maxFileSize == 1 << 20)
            #expect(c.intake.includePatterns == ["*.txt", "*.md"])
            #expect(c.intake.afterIngest == .delete)
            #expect(c.intake.pollInterval == .milliseconds(500))
            #expect(c.digest.times == [TimeOfDay(hour: 6, minute: 30), TimeOfDay(hour: 18, minute: 0)])
            #expect(c.digest.timeZone?.identifier == "Europe/London")
            #expect(c.digest.window == .seconds(7 * 86_400))
            #expect(c.digest.keepDays == 30)
        }
    }

    @Test func environmentOverridesFile() async throws {
        try await withFile("inbox: /from/file\nintake:\n  concurrency: 3\n") { path in
            let env = ["GAZETTE_INBOX": "/from/env", "GAZETTE_INTAKE_INCLUDE": "*.txt,*.eml"]
            let c = try await ConfigurationLoader(environment: env).load(file: path)
            #expect(c.inbox == "/from/env")
            #expect(c.intake.concurrency == 3)
            #expect(c.intake.includePatterns == ["*.txt", "*.eml"])
        }
    }

    @Test func unknownFileKeyIsNamed() async throws {
        try await withFile("intake:\n  max_size: 10\n") { path in
            await #expect(throws: ConfigurationError.unknownKey(key: "intake.max_size", source: path)) {
                try await ConfigurationLoader(environment: [:]).load(file: path)
            }
        }
    }

    @Test func unknownEnvironmentVariableIsNamed() async throws {
        await #expect(throws: ConfigurationError.unknownKey(key: "GAZETTE_INBX", source: "the environment")) {
            try await ConfigurationLoader(environment: ["GAZETTE_INBX": "x"]).load(file: nil)
        }
    }

    @Test func badValueNamesKeyAndExpectation() async throws {
        try await withFile("intake:\n  concurrency: lots\n") { path in
            do {
                _ = try await ConfigurationLoader(environment: [:]).load(file: path)
                Issue.record("expected an error")
            } catch {
                #expect("\(error)".contains("intake.concurrency"))
                #expect("\(error)".contains("whole number"))
            }
        }
        await #expect(throws: ConfigurationError.self) {
            try await ConfigurationLoader(environment: ["GAZETTE_DIGEST_TIME_ZONE": "Mars/Olympus"]).load(file: nil)
        }
    }

    @Test func missingFileIsExplained() async throws {
        do {
            _ = try await ConfigurationLoader(environment: [:]).load(file: "/nonexistent/gazette.yaml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("/nonexistent/gazette.yaml"))
            #expect("\(error)".contains("no such file"))
        }
    }

    @Test func malformedYAMLIsExplained() async throws {
        try await withFile("inbox: [unclosed\n") { path in
            await #expect(throws: ConfigurationError.self) {
                try await ConfigurationLoader(environment: [:]).load(file: path)
            }
        }
    }

    @Test func maxAttemptsIsAtLeastTwo() async throws {
        let c = try await ConfigurationLoader(environment: ["GAZETTE_INTAKE_MAX_ATTEMPTS": "5"]).load(file: nil)
        #expect(c.intake.maxAttempts == 5)
        #expect(try await ConfigurationLoader(environment: [:]).load(file: nil).intake.maxAttempts == 3)
        for bad in ["1", "0", "many"] {
            await #expect(throws: ConfigurationError.self) {
                try await ConfigurationLoader(environment: ["GAZETTE_INTAKE_MAX_ATTEMPTS": bad]).load(file: nil)
            }
        }
    }

    @Test func internalVariablesAreNotConfiguration() async throws {
        let environment = ["GAZETTE_WORKER_FIRST_FILE": "2", "GAZETTE_DEBUG_CRASH_ON": "x"]
        #expect(try await ConfigurationLoader(environment: environment).load(file: nil) == GazetteConfiguration())
    }

    /// Every value the loader accepts is one the digest and the intake can run on: each is parsed
    /// once, by the type that uses it (a reload with any of these must keep the running daemon).
    @Test(arguments: [
        ("digest:\n  times: [\"7:5\"]\n", "digest.times"),
        ("digest:\n  times: [\"007:00\"]\n", "digest.times"),
        ("digest:\n  times: [\"24:00\"]\n", "digest.times"),
        ("digest:\n  times: []\n", "digest.times"),
        ("digest:\n  time_zone: Mars/Olympus\n", "digest.time_zone"),
        ("digest:\n  formats: [md, pdf]\n", "digest.formats"),
        ("digest:\n  templates: /nonexistent/templates\n", "digest.templates"),
        ("digest:\n  window: 1e30s\n", "digest.window"),
        ("intake:\n  rescan_interval: 1e30s\n", "intake.rescan_interval"),
        ("intake:\n  poll_interval: nan\n", "intake.poll_interval"),
        ("intake:\n  max_file_size: 1e30\n", "intake.max_file_size"),
    ])
    func valuesThatCannotRunAreRefused(_ yaml: String, _ key: String) async throws {
        try await withFile(yaml) { path in
            do {
                _ = try await ConfigurationLoader(environment: [:]).load(file: path)
                Issue.record("expected \(key) to be refused")
            } catch {
                #expect("\(error)".contains(key))
            }
        }
    }

    @Test func brokenTemplateFolderIsRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-templates-\(UUID().uuidString.prefix(8))"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withFile("digest:\n  templates: \(folder)\n") { path in
            let configuration = try await ConfigurationLoader(environment: [:]).load(file: path)
            #expect(configuration.digest.templateDirectory == folder)
        }
        try "{{#articles}} unclosed".write(toFile: folder + "/digest.md.mustache", atomically: true, encoding: .utf8)
        try await withFile("digest:\n  templates: \(folder)\n") { path in
            await #expect(throws: ConfigurationError.self) {
                try await ConfigurationLoader(environment: [:]).load(file: path)
            }
        }
    }

    @Test func digestTimesAreSortedWithoutRepeats() async throws {
        let c = try await ConfigurationLoader(environment: ["GAZETTE_DIGEST_TIMES": "18:00,7:05,18:00"]).load(file: nil)
        #expect(c.digest.times == [TimeOfDay(hour: 7, minute: 5), TimeOfDay(hour: 18, minute: 0)])
    }
}
