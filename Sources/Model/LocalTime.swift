import Foundation

/// Times as the site's readers live them: Europe/Helsinki, daylight saving included.
/// Parses the ISO 8601 forms editors write and is the one place that knows the site's time zone.
public enum LocalTime {
    /// The site's time zone.
    public static let zone = TimeZone(identifier: "Europe/Helsinki")!

    /// The years a date from content may fall in: anything else is taken for a typo (`0026`, `20266`
    /// cannot be written, but `0202` or `2202` can).
    public static let years = 1900...2200

    /// What a written time turned out to be.
    public enum Reading: Equatable, Sendable {
        /// A moment; `clockChange` says when a Helsinki wall time had to be interpreted.
        case instant(Date, clockChange: ClockChange?)
        case malformed
        case yearOutOfRange(Int)
    }

    /// A Helsinki wall time that the daylight-saving change makes ambiguous.
    public enum ClockChange: Equatable, Sendable {
        /// Clocks jumped over it in spring; it is read with the offset before the jump (one hour later
        /// on the clock: 03:30 becomes 04:30 summer time), as RFC 5545 does.
        case skipped
        /// Clocks showed it twice in autumn; it is read as the first time (summer time).
        case repeated
    }

    /// Parses `2024-03-05`, `2024-03-05T09:00`, `2024-03-05 09:00:30` (local Helsinki time) and the same
    /// with `Z` or an offset (`+02:00`, `+0200`, `+02`), which is kept as given. Nil when malformed,
    /// when a field is out of range (month 13, 30 February, 25 o'clock) or the year is not in `years`.
    public static func parse(_ text: String) -> Date? {
        if case .instant(let date, _) = read(text) { return date }
        return nil
    }

    /// Parses like `parse`, saying why a text is not a time and when a wall time was ambiguous.
    public static func read(_ text: String) -> Reading {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2)
        else { return .malformed }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return .malformed }
        var hour = 0, minute = 0, second = 0.0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let h = scanner.number(digits: 2), scanner.skip(":"), let m = scanner.number(digits: 2) else {
                return .malformed
            }
            hour = h
            minute = m
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2) else { return .malformed }
                second = Double(s)
                if scanner.skip(".") {
                    guard let fraction = scanner.fraction() else { return .malformed }
                    second += fraction
                }
            }
            guard (0...23).contains(hour), (0...59).contains(minute), second < 61 else { return .malformed }
        }
        let local = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Double(hour * 3600 + minute * 60) + second
        if scanner.atEnd {
            guard years.contains(year) else { return .yearOutOfRange(year) }
            let (date, change) = interpretLocal(secondsSinceEpoch: local)
            return .instant(date, clockChange: change)
        }
        guard let offset = scanner.offset(), scanner.atEnd else { return .malformed }
        guard years.contains(year) else { return .yearOutOfRange(year) }
        return .instant(Date(timeIntervalSince1970: local - Double(offset)), clockChange: nil)
    }

    /// The instant Helsinki wall clocks show the given naive seconds since 1970, and whether the
    /// daylight-saving change skipped or repeated that wall time (`ClockChange` says which is chosen).
    static func interpretLocal(secondsSinceEpoch local: Double) -> (Date, ClockChange?) {
        // Offsets a day either side: equal almost always, and then the wall time is unambiguous.
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - 86_400))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local + 86_400))
        if before == after { return (Date(timeIntervalSince1970: local - Double(before)), nil) }
        let valid = [before, after].filter { offset in
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(offset))) == offset
        }
        switch valid.count {
        case 1: return (Date(timeIntervalSince1970: local - Double(valid[0])), nil)
        case 0: return (Date(timeIntervalSince1970: local - Double(before)), .skipped)
        default: return (Date(timeIntervalSince1970: local - Double(valid.max()!)), .repeated)
        }
    }

    /// Whether `text` is a date alone (`2026-12-02`), without a time of day.
    public static func isDateOnly(_ text: String) -> Bool {
        text.utf8.count == 10
    }

    /// The last second of the Helsinki day that `date` falls on.
    public static func endOfDay(_ date: Date) -> Date {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let dayStart = (local / 86_400).rounded(.down) * 86_400
        return dateFromLocal(secondsSinceEpoch: dayStart + 86_399)
    }

    /// The instant at which Helsinki wall clocks show the given naive seconds since 1970.
    static func dateFromLocal(secondsSinceEpoch local: Double) -> Date {
        interpretLocal(secondsSinceEpoch: local).0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The Helsinki calendar day of an instant as `2026-11-23`.
    public static func isoDay(_ date: Date) -> String {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let (year, month, day) = civil(fromDays: Int((local / 86_400).rounded(.down)))
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `2026-11-26 09:30` in Helsinki time, for tool output.
    public static func isoMinute(_ date: Date) -> String {
        let local = Int((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))).rounded(.down))
        let minutes = ((local % 86_400) + 86_400) % 86_400 / 60
        return "\(isoDay(date)) \(minutes / 60 < 10 ? "0" : "")\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A cursor over ASCII bytes for the date parser.
private struct DigitScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard position < bytes.count, bytes[position] == character.asciiValue else { return false }
        position += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        position += digits
        return value
    }

    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = position
        while position < bytes.count, (48...57).contains(bytes[position]) {
            value += Double(bytes[position] - 48) * scale
            scale /= 10
            position += 1
        }
        return position > start ? value : nil
    }

    /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, as seconds east of UTC.
    mutating func offset() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours <= 14 else { return nil }
        var minutes = 0
        if skip(":") {
            guard let m = number(digits: 2) else { return nil }
            minutes = m
        } else if !atEnd {
            guard let m = number(digits: 2) else { return nil }
            minutes = m
        }
        guard minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
