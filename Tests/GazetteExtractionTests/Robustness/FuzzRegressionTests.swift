import Foundation
import GazetteFuzzing
import Testing

@testable import GazetteExtraction

/// The crashes the fuzzers found (FUZZING.md), each on the smallest input that showed it; the
/// fuzzers' own inputs are replayed by ``CrasherReplayTests``.
@Suite struct FuzzRegressionTests {
    static let published = Date(timeIntervalSince1970: 1_764_748_800)

    func analysis(_ body: String) -> Analysis {
        FrontFixtures.extractor.analyze(body: body, publishedAt: Self.published)
    }

    /// A number of 19 or more digits overflowed the day-of-month reading, which the date
    /// stage tries on every number.
    @Test func numberOfNineteenDigitsOrMore() {
        #expect(DateLexicon.dayNumber(String(repeating: "3", count: 40)) == nil)
        #expect(DateLexicon.dayNumber("12th") == 12)
        #expect(analysis("The file lists 9999999999999999999 records.").dates.isEmpty)
        #expect(analysis("It was 3333333333333333333333333m February.").dates.map(\.text) == ["February"])
    }

    /// A number past the largest Double (hundreds of digits, or a huge one times `trillion`)
    /// made an infinite amount, and a record that does not encode as JSON.
    @Test(arguments: [
        "$" + String(repeating: "9", count: 400), "$" + String(repeating: "9", count: 308) + " trillion",
        String(repeating: "9", count: 400) + "p", String(repeating: "9", count: 400) + " per cent",
    ])
    func numberTooLargeForADouble(_ amount: String) throws {
        let body = "It cost \(amount) in 2025, against $5m a year earlier."
        #expect(analysis(body).amounts.map(\.text) == ["$5m"])
        let document = SourceDocument(path: "a.txt", bytes: Array(body.utf8), modified: Self.published)
        let record = try FrontFixtures.extractor.extract(document, options: .init(raw: true))
        #expect(Invariants.violations(in: record) == [])
    }

    /// A timestamp line of absurd age (`9999999999999 years ago`) made a publication time whose
    /// seconds no `Int` holds, and `UTCDateTime.iso` trapped.
    @Test func absurdRelativeTimestamp() throws {
        #expect(RelativeTimestamp.parse("9999999999999 years ago") == nil)
        #expect(RelativeTimestamp.parse("14 hours ago") == 50_400)
        for age in ["9999999999999 years ago", "99999999999999999999999 days ago"] {
            let text =
                "Harbour bridge reopens\n\n\(age)\n\nThe bridge reopened to traffic on Friday morning, eight months after engineers found cracks."
            let document = SourceDocument(path: "a.txt", bytes: Array(text.utf8), modified: Self.published)
            let record = try FrontFixtures.extractor.extract(document)
            #expect(record.publishedSource == .file)
            #expect(Invariants.violations(in: record) == [])
        }
    }
}
