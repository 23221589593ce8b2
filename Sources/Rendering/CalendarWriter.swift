import Foundation
import Model

/// Writes iCalendar (RFC 5545) files for events: CRLF line endings, lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped, times in UTC, UIDs from the item's identity and
/// DTSTAMP from the build moment, so the same input gives the same bytes.
public struct CalendarWriter: Sendable {
    /// One event as the calendar needs it.
    public struct Entry: Sendable {
        public var id: ItemID
        public var title: String
        public var summary: String?
        public var event: EventMetadata
        public var url: String
        public var typeLabel: String
    }

    public var host: String
    public var now: Date

    public init(baseURL: String, now: Date) {
        self.host = URL(string: baseURL)?.host ?? "tietopankki"
        self.now = now
    }

    /// A whole calendar with the given events.
    public func calendar(name: String, language: Language, entries: [Entry]) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Kulttuuria yhteistuumin//tietopankki//\(language.rawValue.uppercased())",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(Self.escape(name))",
            "X-WR-TIMEZONE:Europe/Helsinki",
        ]
        for entry in entries { lines += eventLines(entry) }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    func eventLines(_ entry: Entry) -> [String] {
        let event = entry.event
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(entry.id.type.folder)-\(entry.id.name)@\(host)",
            "DTSTAMP:\(Self.utc(now))",
            "DTSTART:\(Self.utc(event.start))",
        ]
        if let end = event.end { lines.append("DTEND:\(Self.utc(end))") }
        lines.append("SUMMARY:\(Self.escape(entry.title))")
        var description = entry.summary.map { $0 + "\n\n" } ?? ""
        description += entry.url
        if let online = event.online { description += "\n\(online)" }
        lines.append("DESCRIPTION:\(Self.escape(description))")
        if let place = event.location ?? event.online { lines.append("LOCATION:\(Self.escape(place))") }
        lines.append("URL:\(entry.url)")
        lines.append("CATEGORIES:\(Self.escape(entry.typeLabel))")
        lines.append("END:VEVENT")
        return lines
    }

    /// `20261126T063000Z`.
    static func utc(_ date: Date) -> String {
        let f = LocalDateFormat.utcFields(date)
        func two(_ value: Int) -> String { LocalDateFormat.twoDigits(value) }
        return "\(f.year)\(two(f.month))\(two(f.day))T\(two(f.hour))\(two(f.minute))\(two(f.second))Z"
    }

    /// TEXT escaping: backslash, semicolon, comma and newline.
    static func escape(_ text: String) -> String {
        ByteReplacing.escaping(text, textEscapes)
    }

    /// A line break becomes `\n` (a CR of CRLF is dropped with it; a lone CR too).
    static let textEscapes = EscapeTable(["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""])

    /// Folds a content line so no physical line exceeds 75 octets; continuation lines start with a space.
    /// A character is never split, nor an escape pair such as `\,` (some readers mishandle that).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var octets = 0
        var pendingBackslash = false
        for scalar in line.unicodeScalars {
            if scalar == "\\", !pendingBackslash {
                pendingBackslash = true
                continue
            }
            let piece = pendingBackslash ? "\\" + String(scalar) : String(scalar)
            pendingBackslash = false
            let width = piece.utf8.count
            if octets + width > 75 {
                result += "\r\n "
                octets = 1
            }
            result += piece
            octets += width
        }
        if pendingBackslash { result += "\\" }
        return result
    }
}
