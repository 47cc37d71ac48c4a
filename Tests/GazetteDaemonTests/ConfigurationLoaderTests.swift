import Foundation
import GazetteDaemon
import GazetteDigest
import Testing

@Suite struct ConfigurationLoaderTests {
    private func withFile(_ yaml: String, _ body: (String) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-config-\(UUID().uuidString).yaml").path
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
        try await withFile("""
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
            """) { path in
            let c = try await ConfigurationLoader(environment: [:]).load(file: path)
            #expect(c.inbox == "/tmp/in")
            #expect("\(c.logLevel)" == "debug")
            #expect(c.intake.maxFileSize == 1 << 20)
            #expect(c.intake.include == ["*.txt", "*.md"])
            #expect(c.intake.afterIngest == .delete)
            #expect(c.intake.pollInterval == 0.5)
            #expect(c.digest.times == ["06:30", "18:00"])
            #expect(c.digest.timeZone == "Europe/London")
            #expect(c.digest.window == 7 * 86_400)
            #expect(c.digest.keepDays == 30)
            #expect(c.digestConfiguration.window == .seconds(7 * 86_400))
        }
    }

    @Test func environmentOverridesFile() async throws {
        try await withFile("inbox: /from/file\nintake:\n  concurrency: 3\n") { path in
            let env = ["GAZETTE_INBOX": "/from/env", "GAZETTE_INTAKE_INCLUDE": "*.txt,*.eml"]
            let c = try await ConfigurationLoader(environment: env).load(file: path)
            #expect(c.inbox == "/from/env")
            #expect(c.intake.concurrency == 3)
            #expect(c.intake.include == ["*.txt", "*.eml"])
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
}
