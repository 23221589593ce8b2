import Foundation
import Model

/// A day on Helsinki wall calendars, as file names and front matter write it: `2026-11-23`.
/// The authoring commands take their day as an input (the command line reads the clock), so what they
/// write is the same for the same input.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, month (1–12) and day of the month.
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD`; nil for anything else (a time of day included) or an impossible date.
    public init?(_ text: String) {
        guard LocalTime.isDateOnly(text), LocalTime.parse(text) != nil else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }

    /// The Helsinki day on which `date` falls.
    public init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        (year, month, day) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Midnight at the start of the day, Helsinki time.
    public var start: Date { LocalTime.parse(description) ?? .distantPast }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        CalendarDay(start.addingTimeInterval(Double(count) * 86_400 + 43_200))
    }

    /// The day as Finnish and Swedish readers write it: `23.11.2026`.
    public var localText: String { "\(day).\(month).\(year)" }

    /// A moment as an editor writes it in front matter, Helsinki time without an offset: `2026-12-03T08:30`.
    public static func minuteText(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
            parts.hour ?? 0, parts.minute ?? 0)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = LocalTime.zone
        return calendar
    }()
}
