import Authoring
import Foundation
import Model
import Testing

@Suite struct CalendarDayTests {
    @Test(arguments: ["2026-11-23", "2024-02-29"])
    func readsDays(text: String) {
        #expect(CalendarDay(text)?.description == text)
    }

    @Test(arguments: ["2026-11-23T09:00", "2026-13-01", "2025-02-29", "23.11.2026", "", "2026-1-1"])
    func refusesAnythingButADay(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func takesTheDayOnHelsinkiCalendars() {
        // 22:30 UTC on 23 November is already 24 November in Helsinki.
        #expect(CalendarDay(LocalTime.parse("2026-11-23T22:30:00Z")!).description == "2026-11-24")
        #expect(CalendarDay(LocalTime.parse("2026-06-30T23:59")!).description == "2026-06-30")
    }

    @Test func countsDaysAcrossDaylightSavingChanges() {
        #expect(CalendarDay("2026-03-29")!.adding(days: 1).description == "2026-03-30")
        #expect(CalendarDay("2026-10-25")!.adding(days: -1).description == "2026-10-24")
        #expect(CalendarDay("2026-12-31")!.adding(days: 1).description == "2027-01-01")
    }

    @Test func writesMomentsAsEditorsDo() {
        #expect(CalendarDay.minuteText(LocalTime.parse("2026-12-03T08:30:00+02:00")!) == "2026-12-03T08:30")
        #expect(CalendarDay("2026-12-03")!.localText == "3.12.2026")
    }
}
