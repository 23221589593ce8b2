import Model
@testable import Rendering
import Testing

@Suite struct LocalDateFormatTests {
    @Test func formatsDatesTheFinnishAndSwedishWay() {
        let date = LocalTime.parse("2024-03-05T09:00")!
        #expect(LocalDateFormat.short(date) == "5.3.2024")
        #expect(LocalDateFormat.long(date, .fi) == "5. maaliskuuta 2024")
        #expect(LocalDateFormat.long(date, .sv) == "5 mars 2024")
        #expect(LocalDateFormat.isoDateTime(date) == "2024-03-05T09:00:00+02:00")
    }

    @Test func formatsEventRanges() {
        let start = LocalTime.parse("2026-11-26T08:30")!
        let end = LocalTime.parse("2026-11-26T09:30")!
        #expect(LocalDateFormat.range(start: start, end: end, .fi) == "to 26.11.2026 klo 8.30–9.30")
        #expect(LocalDateFormat.range(start: start, end: end, .sv) == "tors 26.11.2026 kl. 8.30–9.30")
        let twoDays = LocalDateFormat.range(
            start: LocalTime.parse("2020-10-21T12:00")!, end: LocalTime.parse("2020-10-22T15:00")!, .fi)
        #expect(twoDays == "ke 21.10.2020 klo 12.00 – to 22.10.2020 klo 15.00")
    }

    @Test func usesSummerTimeOffsets() {
        #expect(LocalDateFormat.isoDateTime(LocalTime.parse("2026-06-01T10:00")!) == "2026-06-01T10:00:00+03:00")
    }
}
