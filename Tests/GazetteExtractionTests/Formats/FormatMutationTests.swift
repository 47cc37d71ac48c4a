import Foundation
import GazetteExtraction
import Testing

/// The format and encoding fixtures with bytes flipped, dropped, repeated and replaced: every
/// mutant gives a record whose invariants hold, or a refusal (MIME boundaries, encoded words,
/// legacy charsets and the charset guess meet broken input here).
@Suite struct FormatMutationTests {
    static let fixtures = RobustnessFixtures.files(in: "Formats")

    @Test(arguments: UInt64(1)...60)
    func mutatedBytes(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let fixture = Self.fixtures[Int(seed) % Self.fixtures.count]
        let bytes = MutationTests.byteMutations(of: fixture.bytes, using: &random)
        RobustnessFixtures.check(bytes, path: fixture.name, cleanText: false)
    }
}
