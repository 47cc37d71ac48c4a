import Foundation
import GazetteExtraction
import Testing

@Suite("Clean-up of web-scrape residue")
struct CleanupTests {
    typealias F = FrontFixtures

    @Test(arguments: [
        "after newsletter promotion", "Skip past newsletter promotion",
        "Sign up to First Edition, our free daily newsletter",
        "Advertisement", "Share", "Related: Ministers face revolt over school funding", "•", "-",
        "Supporters gather outside parliament. Photograph: Jane Smith/Reuters",
    ])
    func removesPromoAndFurnitureLines(junk: String) throws {
        let record = try F.extract([F.paragraphOne, junk, F.paragraphTwo, F.paragraphThree].joined(separator: "\n"))
        #expect(!record.body.contains(junk))
        #expect(record.body == [F.paragraphOne, F.paragraphTwo, F.paragraphThree].joined(separator: "\n\n"))
    }

    @Test func removesTrailingCommentCounterAndBlankRuns() throws {
        let text = [F.paragraphOne, F.paragraphTwo, F.paragraphThree, "", "", "", "27", "", "", ""].joined(
            separator: "\n")
        let record = try F.extract(text)
        #expect(record.body.hasSuffix("needed the money."))
        #expect(!record.body.contains("27"))
    }

    @Test func keepsNumbersInsideTheArticle() throws {
        let text = [F.paragraphOne, "1945", F.paragraphTwo, F.paragraphThree].joined(separator: "\n")
        #expect(try F.extract(text).body.contains("1945"))
    }

    @Test func relativeTimestampSetsPublicationTime() throws {
        let text = [F.paragraphOne, F.paragraphTwo, F.paragraphThree, "14 hours ago"].joined(separator: "\n")
        let record = try F.extract(text)
        #expect(record.publishedAt == "2025-12-03T20:00:00Z")
        #expect(record.publishedSource == .relative)
        #expect(!record.body.contains("ago"))
    }

    @Test(arguments: [
        ("2 days ago", "2025-12-02T10:00:00Z"), ("yesterday", "2025-12-03T10:00:00Z"),
        ("Updated 35 mins ago", "2025-12-04T09:25:00Z"),
    ])
    func relativeTimestampForms(line: String, expected: String) throws {
        let record = try F.extract([line, F.paragraphOne, F.paragraphTwo].joined(separator: "\n"))
        #expect(record.publishedAt == expected)
    }

    @Test(arguments: [
        ("Published 3 Dec 2025", "2025-12-03T00:00:00Z"),
        ("Wed 3 Dec 2025 08.00 GMT", "2025-12-03T08:00:00Z"),
        ("2025-12-03T08:00:00Z", "2025-12-03T08:00:00Z"),
        ("December 3, 2025 at 5:30 p.m. EST", "2025-12-03T22:30:00Z"),
    ])
    func absoluteDatelineSetsPublicationTime(line: String, expected: String) throws {
        let record = try F.extract([line, "", F.paragraphOne, "", F.paragraphTwo].joined(separator: "\n"))
        #expect(record.publishedAt == expected)
        #expect(record.publishedSource == .text)
        #expect(record.body.hasPrefix("The government"))
    }

    @Test func fileTimeIsTheFallbackAndOptionOverrides() throws {
        let text = [F.paragraphOne, F.paragraphTwo, "14 hours ago"].joined(separator: "\n")
        #expect(try F.extract([F.paragraphOne, F.paragraphTwo].joined(separator: "\n")).publishedSource == .file)
        let given = Date(timeIntervalSince1970: 1_700_000_000)
        let record = try F.extract(text, options: .init(publishedAt: given))
        #expect(record.publishedAt == "2023-11-14T22:13:20Z")
    }

    @Test func joinsHardWrappedLinesWithinBlankLineParagraphs() throws {
        let text = """
            The council voted last night to close the library on
            Saturdays, a decision that angered many residents who
            rely on it.

            A spokesperson said the savings were needed to balance
            the budget.
            """
        let record = try F.extract(text)
        #expect(
            record.body
                == "The council voted last night to close the library on Saturdays, a decision that angered many residents who rely on it.\n\nA spokesperson said the savings were needed to balance the budget."
        )
    }

    @Test func whitespaceOnlyFileIsAnError() {
        #expect(throws: ExtractionError.noText) { try F.extract("  \n\t\n   \n") }
    }

    @Test func boilerplateOnlyFileIsAnError() {
        #expect(throws: ExtractionError.onlyBoilerplate) { try F.extract("Share\nAdvertisement\n14 hours ago\n") }
    }

    @Test func survivesAnEnormousLine() throws {
        let line = String(repeating: "word ", count: 50_000)
        let record = try F.extract(line)
        #expect(record.wordCount == 50_000)
    }

    @Test func cleanUpIsIdempotent() throws {
        let text = [
            "Council closes library", "", "By Jane Doe", F.paragraphOne, "after newsletter promotion", F.paragraphTwo,
            "3",
        ].joined(separator: "\n")
        let once = try F.extract(text).body
        #expect(try F.extract(once, options: .init()).body == once)
    }
}
