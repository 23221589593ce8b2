import Foundation
import Model
import Testing

@Suite struct LocalTimeTests {
    /// Seconds since 1970 for a UTC wall time, to state expectations plainly.
    static func utc(_ text: String) -> Double {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!.timeIntervalSince1970
    }

    @Test(arguments: [
        ("2024-03-05", "2024-03-04T22:00:00Z"),                 // winter: UTC+2
        ("2024-07-01", "2024-06-30T21:00:00Z"),                 // summer: UTC+3
        ("2026-11-26T08:30", "2026-11-26T06:30:00Z"),
        ("2026-11-26 08:30:15", "2026-11-26T06:30:15Z"),
        ("2027-03-26T09:00:00+02:00", "2027-03-26T07:00:00Z"),  // offset kept as given
        ("2027-03-26T09:00:00Z", "2027-03-26T09:00:00Z"),
        ("2027-03-26T09:00+0100", "2027-03-26T08:00:00Z"),
        ("2026-03-29T02:30", "2026-03-29T00:30:00Z"),           // before the spring change (03:00 → 04:00)
        ("2026-03-29T04:30", "2026-03-29T01:30:00Z"),           // after it: one real hour later
    ])
    func readsTimesAsHelsinkiUnlessAnOffsetIsGiven(text: String, expectedUTC: String) throws {
        let date = try #require(LocalTime.parse(text))
        #expect(date.timeIntervalSince1970 == Self.utc(expectedUTC))
    }

    @Test(arguments: [
        "2024-13-01", "2024-02-30", "2023-02-29", "2024-1-5", "5.3.2024", "2024-03-05T25:00", "2024-03-05T10",
        "2024-03-05T10:00+2", "tomorrow", "", "2024-03-05T10:00:00+02:00junk",
    ])
    func rejectsMalformedOrImpossibleDates(text: String) {
        #expect(LocalTime.parse(text) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(LocalTime.parse("2024-02-29") != nil)
    }

    @Test func endOfDayIsTheLastSecondInHelsinki() throws {
        let day = try #require(LocalTime.parse("2026-12-02"))
        #expect(LocalTime.endOfDay(day).timeIntervalSince1970 == Self.utc("2026-12-02T21:59:59Z"))
    }

    @Test(arguments: ["0026-11-30T10:00", "0202-11-30", "1899-12-31", "2201-01-01", "0202-11-30T10:00:00+02:00"])
    func rejectsYearsOutsideTheRange(text: String) {
        #expect(LocalTime.parse(text) == nil)
        guard case .yearOutOfRange = LocalTime.read(text) else {
            Issue.record("\(text) read as \(LocalTime.read(text))")
            return
        }
    }

    @Test func acceptsTheEdgesOfTheRange() {
        #expect(LocalTime.parse("1900-01-01") != nil)
        #expect(LocalTime.parse("2200-12-31T23:59") != nil)
    }

    @Test func aSkippedSpringTimeIsReadWithTheOffsetBeforeTheJump() {
        // 2026-03-29: clocks go from 03:00 to 04:00; 03:30 never shows, and is read as 04:30 summer time.
        #expect(LocalTime.read("2026-03-29T03:30") == .instant(
            Date(timeIntervalSince1970: Self.utc("2026-03-29T01:30:00Z")), clockChange: .skipped))
    }

    @Test func aRepeatedAutumnTimeIsReadAsTheFirst() {
        // 2026-10-25: clocks go from 04:00 back to 03:00; 03:30 shows twice, first in summer time.
        #expect(LocalTime.read("2026-10-25T03:30") == .instant(
            Date(timeIntervalSince1970: Self.utc("2026-10-25T00:30:00Z")), clockChange: .repeated))
    }

    @Test(arguments: ["2026-10-25T02:59", "2026-10-25T04:00", "2026-03-29T02:59", "2026-03-29T04:00", "2026-10-25T03:30+02:00"])
    func timesBesideAChangeAreUnambiguous(text: String) {
        guard case .instant(_, clockChange: nil) = LocalTime.read(text) else {
            Issue.record("\(text) read as \(LocalTime.read(text))")
            return
        }
    }
}
