import Testing

@testable import GazetteExtraction

@Suite struct CivilDateTests {
    @Test func roundTripsThroughDays() {
        for days in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CivilDate(days: days).days == days)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1).days == 0)
    }

    @Test func weekdaysAndIsoWeeks() {
        let d = CivilDate(year: 2025, month: 12, day: 3)
        #expect(d.weekday == 3)
        #expect(d.weekString == "2025-W49")
        #expect(CivilDate(year: 2021, month: 1, day: 3).weekString == "2020-W53")
        #expect(CivilDate(year: 2024, month: 12, day: 30).weekString == "2025-W01")
    }

    @Test func monthArithmeticClampsTheDay() {
        #expect(CivilDate(year: 2024, month: 3, day: 31).adding(months: -1).dayString == "2024-02-29")
        #expect(CivilDate(year: 2025, month: 1, day: 15).adding(months: -13).monthString == "2023-12")
    }
}
