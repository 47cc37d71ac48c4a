import Foundation
import GazetteExtraction
import Testing

@Suite("Hashes")
struct HashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesKnownVectors(input: String, digest: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == digest)
    }

    @Test func sha256OfAMillionAs() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(of: bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func simhashIsCloseForNearDuplicates() throws {
        let base = [FrontFixtures.paragraphOne, FrontFixtures.paragraphTwo, FrontFixtures.paragraphThree].joined(
            separator: "\n\n")
        let edited = base.replacingOccurrences(of: "record amount", with: "large amount")
        let a = try FrontFixtures.extract(base, options: .init(raw: true))
        let b = try FrontFixtures.extract(edited, options: .init(raw: true))
        let c = try FrontFixtures.extract(
            "A completely different story about football, a late goal and a furious manager who blamed the referee.",
            options: .init(raw: true))
        func distance(_ x: String, _ y: String) -> Int {
            (UInt64(x, radix: 16)! ^ UInt64(y, radix: 16)!).nonzeroBitCount
        }
        #expect(a.simhash.count == 16)
        #expect(distance(a.simhash, b.simhash) < distance(a.simhash, c.simhash))
        #expect(distance(a.simhash, b.simhash) <= 12)
    }
}
