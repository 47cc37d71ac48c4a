import Foundation
import Testing
@testable import GazetteExtraction

@Test func scratchKSTProbe() throws {
    for path in ["/work/shared/seeds/000_183964ca962e890a.txt", "/work/shared/corpus/text/dev/bbc/bbc-business-002.txt", "/work/shared/corpus/text/dev/bbc/bbc-sport-010.txt"] {
        let body = try String(contentsOfFile: path, encoding: .utf8)
        let a = Extractor().analyze(body: body, publishedAt: nil)
        print("=== \(path)")
        for k in a.keyphrases { print("  KP \(k.text) \(k.score)") }
        for s in a.summary { print("  S: \(s)") }
        print("  tone \(a.tone)")
    }
}
