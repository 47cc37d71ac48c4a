import Foundation
import Testing

@testable import GazetteExtraction

@Suite struct DateStageTests {
    /// Wednesday 3 December 2025, 08:00 UTC.
    static let published = Date(timeIntervalSince1970: 1_764_748_800)

    func dates(_ body: String, publishedAt: Date? = DateStageTests.published) -> [DateMention] {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: publishedAt)
        DateStage().run(&analysis)
        return analysis.dates
    }

    func value(_ body: String, _ text: String) -> String? {
        dates(body).first { $0.text == text }?.value
    }

    @Test(arguments: [
        ("From 12 February onwards, when Trump first talked to Putin, nothing changed.", "12 February", "2025-02-12"),
        ("The deadline was 28 February 2025 for all parties.", "28 February 2025", "2025-02-28"),
        ("It was signed on February 12, 2025 in Riyadh.", "February 12, 2025", "2025-02-12"),
        ("The war ended in 1945 in Europe.", "1945", "1945"),
        ("He re-entered the White House in January.", "January", "2025-01"),
        ("The filing is dated 2025-02-12.", "2025-02-12", "2025-02-12"),
        ("The Kremlin hinted yesterday that deals remained.", "yesterday", "2025-12-02"),
        ("The talks end today.", "today", "2025-12-03"),
        ("The envoy leaves tomorrow.", "tomorrow", "2025-12-04"),
        ("Tuesday’s impasse may spur them on.", "Tuesday", "2025-12-02"),
        ("The ministers will meet on Friday.", "Friday", "2025-12-05"),
        ("It happened last Tuesday.", "last Tuesday", "2025-12-02"),
        ("The talks this week failed.", "this week", "2025-W49"),
        ("Prices rose last month.", "last month", "2025-11"),
        ("Elections are due next year.", "next year", "2026"),
        ("The strike came 14 hours ago.", "14 hours ago", "2025-12-02T18:00:00Z"),
        ("The offer was made two weeks ago.", "two weeks ago", "2025-W47"),
        ("Profits fell in the third quarter.", "the third quarter", "2025-07"),
        ("Shares rose on Sept. 27, 1989 in New York.", "Sept. 27, 1989", "1989-09-27"),
    ])
    func resolvesAgainstPublication(_ body: String, _ text: String, _ expected: String) {
        #expect(value(body, text) == expected)
    }

    @Test func granularities() {
        let found = dates("On 12 February 2025, this week, in March 2025, in 1945 and 14 hours ago.")
        #expect(found.map(\.granularity) == [.day, .week, .month, .year, .hour])
    }

    @Test func dayMonthInTheFutureTenseTakesTheNextOccurrence() {
        #expect(value("The summit will open on 14 January in Geneva.", "14 January") == "2026-01-14")
    }

    /// Issue 13: a weekday follows the verb that governs it, and the nearest tense marker only
    /// when there is none; published Wednesday 3 December 2025.
    @Test(arguments: [
        // `was coming` is past progressive, not the future (NBC gave 2019-11-26 for Tuesday the 19th).
        ("Eyamba Sowers didn’t know Patrick was coming to Tuesday’s networking gathering.", "Tuesday", "2025-12-02"),
        // The report's own day, whatever the quote says of the future.
        ("She will give voters “a live demonstration,” she said Tuesday.", "Tuesday", "2025-12-02"),
        ("The senator said on Monday that he will vote for the bill.", "Monday", "2025-12-01"),
        ("The man was arrested Tuesday and will appear in court.", "Tuesday", "2025-12-02"),
        ("The report is due Friday, officials said.", "Friday", "2025-12-05"),
        ("The ministers will meet on Tuesday.", "Tuesday", "2025-12-09"),
        // `hopes` here is a noun, no sign of the future.
        ("The team’s playoff hopes are slim after Monday night’s loss.", "Monday night", "2025-12-01"),
        ("The hearing was due on Monday but was delayed.", "Monday", "2025-12-01"),
        // A passive takes its auxiliary's tense.
        ("Their employment will be terminated on Friday.", "Friday", "2025-12-05"),
        ("The vote will be held on Dec. 9, officials said.", "Dec. 9", "2025-12-09"),
    ])
    func weekdaysFollowTheirVerb(_ body: String, _ text: String, _ expected: String) {
        #expect(value(body, text) == expected)
    }

    @Test func anUndatedArticlesRelativeDatesAreNotGuessedFromTheFileTime() throws {
        let bytes = Array(
            "Storm hits coast\n\nThe mayor said on Tuesday that the storm hit yesterday, on 12 February 2025.\n".utf8)
        let record = try Extractor().extract(
            SourceDocument(path: "x.txt", bytes: bytes, modified: DateStageTests.published),
            options: ExtractionOptions())
        #expect(record.publishedSource == .file)
        #expect(record.dates.map(\.text) == ["12 February 2025"])
    }

    @Test func withoutPublicationOnlyAbsoluteDatesRemain() {
        let found = dates("Yesterday, on 12 February 2025, and last week.", publishedAt: nil)
        #expect(found.map(\.text) == ["12 February 2025"])
    }

    @Test func mayAndMarchNeedContext() {
        #expect(dates("Theresa May said we may march on.").isEmpty)
        #expect(value("The vote was held in May.", "May") == "2025-05")
    }

    @Test func countsAndMoneyAreNotYears() {
        #expect(dates("They sent 1500 troops and paid $2000.").isEmpty)
    }

    @Test func spansMatchText() {
        let body = "Early December, the end of 1998 and nearly two weeks ago."
        let scalars = Array(body.unicodeScalars)
        for d in dates(body) {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[d.start..<d.end])
            #expect(String(s) == d.text)
        }
        #expect(dates(body).map(\.text) == ["Early December", "the end of 1998", "nearly two weeks ago"])
    }
}

/// Regression: a modifier word (`over`, `later`, `the end of`) as the text's last word read past
/// the last token and trapped, crash-looping the daemon.
@Suite struct DateModifierAtTheEndTests {
    static let modifierEndings = [
        "over", "later", "earlier", "about", "early", "late", "mid", "just", "nearly", "almost", "some",
        "roughly", "end", "end of", "the end of", "beginning of", "start", "middle of", "the middle",
    ]

    func dates(_ body: String) -> [DateMention] {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: DateStageTests.published)
        DateStage().run(&analysis)
        return analysis.dates
    }

    @Test(arguments: modifierEndings)
    func atTheVeryEnd(_ ending: String) {
        #expect(dates("The game is \(ending)").isEmpty)
    }

    @Test(arguments: modifierEndings)
    func atTheEndOfAParagraph(_ ending: String) {
        let found = dates("The minister said the game is \(ending)\n\nIt was signed on 12 February 2025.")
        #expect(found.map(\.text) == ["12 February 2025"])
    }

    @Test(arguments: modifierEndings)
    func beforeALineBreak(_ ending: String) {
        let found = dates("The game is \(ending)\nNext year")
        #expect(found.map(\.text) == ["Next year"])
    }

    @Test func throughTheWholeExtractor() throws {
        for ending in Self.modifierEndings {
            let bytes = Array("Title\n\nThe minister said the game is \(ending)\n".utf8)
            let record = try Extractor().extract(
                SourceDocument(path: "x.txt", bytes: bytes, modified: DateStageTests.published),
                options: ExtractionOptions())
            #expect(record.dates.isEmpty)
        }
    }
}
