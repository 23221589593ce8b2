import Foundation
import Model

/// Dates and times as Finnish and Swedish readers write them, in Helsinki time. Computed from the
/// calendar arithmetic directly (no formatter objects), so it is fast, thread-safe and identical on
/// every machine: `5.3.2024`, `5. maaliskuuta 2024` / `5 mars 2024`, `ti 26.11.2026 klo 8.30–9.30`.
public enum LocalDateFormat {
    /// Wall-clock fields of an instant in Helsinki.
    public struct Fields: Sendable, Equatable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// 0 = Sunday … 6 = Saturday.
        public var weekday: Int
        /// Seconds east of UTC at that instant (7200 in winter, 10800 in summer).
        public var offset: Int
    }

    public static func fields(_ date: Date) -> Fields {
        fields(date, offset: LocalTime.zone.secondsFromGMT(for: date))
    }

    /// The same fields in UTC, for feeds and calendars.
    public static func utcFields(_ date: Date) -> Fields {
        fields(date, offset: 0)
    }

    static func fields(_ date: Date, offset: Int) -> Fields {
        let local = Int(floor(date.timeIntervalSince1970)) + offset
        let days = Int(floor(Double(local) / 86_400))
        let secondsOfDay = local - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        return Fields(
            year: year, month: month, day: day, hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60,
            second: secondsOfDay % 60, weekday: weekday, offset: offset)
    }

    static let monthsFinnish = [
        "tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
        "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
    ]
    static let monthsSwedish = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]
    static let weekdaysFinnish = ["su", "ma", "ti", "ke", "to", "pe", "la"]
    static let weekdaysSwedish = ["sön", "mån", "tis", "ons", "tors", "fre", "lör"]

    /// `5.3.2024` in both languages.
    public static func short(_ date: Date) -> String {
        let f = fields(date)
        return "\(f.day).\(f.month).\(f.year)"
    }

    /// `5. maaliskuuta 2024` / `5 mars 2024`.
    public static func long(_ date: Date, _ language: Language) -> String {
        let f = fields(date)
        switch language {
        case .fi: return "\(f.day). \(monthsFinnish[f.month - 1]) \(f.year)"
        case .sv: return "\(f.day) \(monthsSwedish[f.month - 1]) \(f.year)"
        }
    }

    /// `8.30` (Finnish and Finland-Swedish usage).
    public static func time(_ date: Date) -> String {
        let f = fields(date)
        return "\(f.hour).\(twoDigits(f.minute))"
    }

    /// `ti 26.11.2026` / `tis 26.11.2026`.
    public static func weekdayDate(_ date: Date, _ language: Language) -> String {
        let f = fields(date)
        let weekday = (language == .fi ? weekdaysFinnish : weekdaysSwedish)[f.weekday]
        return "\(weekday) \(f.day).\(f.month).\(f.year)"
    }

    /// An event's time span: `ti 26.11.2026 klo 8.30–9.30`, or both ends in full when it spans days.
    public static func range(start: Date, end: Date?, _ language: Language) -> String {
        let at = language == .fi ? "klo" : "kl."
        let startText = "\(weekdayDate(start, language)) \(at) \(time(start))"
        guard let end else { return startText }
        let a = fields(start), b = fields(end)
        if (a.year, a.month, a.day) == (b.year, b.month, b.day) {
            return "\(startText)–\(time(end))"
        }
        return "\(startText) – \(weekdayDate(end, language)) \(at) \(time(end))"
    }

    /// `2024-03-05` for `<time datetime>`.
    public static func isoDate(_ date: Date) -> String {
        let f = fields(date)
        return "\(f.year)-\(twoDigits(f.month))-\(twoDigits(f.day))"
    }

    /// `2026-11-26T08:30:00+02:00`: local time with its offset.
    public static func isoDateTime(_ date: Date) -> String {
        let f = fields(date)
        let sign = f.offset < 0 ? "-" : "+"
        let offset = abs(f.offset)
        return "\(isoDate(date))T\(twoDigits(f.hour)):\(twoDigits(f.minute)):\(twoDigits(f.second))"
            + "\(sign)\(twoDigits(offset / 3600)):\(twoDigits(offset % 3600 / 60))"
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        LocalTime.civil(fromDays: days)
    }
}
