import Foundation
import GazetteTestSupport
import Subprocess
import SystemPackage
import Testing

/// Regression: Gazette set no umask, so under `umask 000` its state folders were 0777 and the
/// database world-readable.
@Suite struct PermissionTests {
    @Test(.timeLimit(.minutes(2))) func stateIsPrivateWhateverTheUmask() async throws {
        let folder = try TemporaryDirectory()
        let article = folder.path("council.txt")
        try Data("Council approves cycle lanes\n\nThe city council approved new cycle lanes on Tuesday.\n".utf8)
            .write(to: URL(fileURLWithPath: article))
        let state = folder.path("state")
        let result = try await Subprocess.run(
            .path("/bin/sh"),
            arguments: [
                "-c", "umask 000; exec \"$0\" ingest --state-dir \"$1\" \"$2\"", GazetteBinary.path, state, article,
            ],
            environment: GazetteBinary.subprocessEnvironment([:]), output: .discarded, error: .string(limit: 1 << 20))
        #expect(result.terminationStatus.isSuccess, "\(result.standardError)")
        for (path, expected) in [(state, 0o750), (state + "/gazette.sqlite", 0o640)] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == expected, "\(path): \(String(mode, radix: 8))")
        }
    }
}
