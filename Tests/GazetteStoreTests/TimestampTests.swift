import Foundation
import GazetteExtraction
import Testing

@testable import GazetteStore

/// The stored timestamps read by arithmetic are the instants the format style reads.
@Suite struct TimestampTests {
    @Test func storedTimestampsReadAsTheFormatStyleReadsThem() throws {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var random = SplitMix64(seed: 3)
        var texts = ["1970-01-01T00:00:00.000Z", "2000-02-29T23:59:59.999Z", "2024-12-31T12:00:00.500Z"]
        for _ in 0..<2_000 {
            // Any millisecond from 1901 to 2099.
            let milliseconds = Int64(random.next() % 6_279_000_000_000) - 2_177_000_000_000
            texts.append(style.format(Date(timeIntervalSince1970: Double(milliseconds) / 1000)))
        }
        for text in texts {
            #expect(Timestamp.date(text) == (try style.parse(text)), "\(text)")
        }
    }

    @Test func otherFormsStillParse() {
        #expect(Timestamp.date("2025-03-01T08:00:00Z") == Date(timeIntervalSince1970: 1_740_816_000))
        #expect(Timestamp.date("2025-13-01T08:00:00.000Z") == nil)
        #expect(Timestamp.date("yesterday") == nil)
    }
}
