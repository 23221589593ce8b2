import Foundation
import Model
import Templates

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
        self.host = SiteConfig.host(of: baseURL)
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
        textEscapes.escape(text)
    }

    /// A line break becomes `\n` (a CR of CRLF is dropped with it; a lone CR too).
    static let textEscapes = EscapeTable(["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""])

    /// Folds a content line so no physical line exceeds 75 octets; continuation lines start with a space.
    /// A character is never split, nor an escape pair such as `\,` (some readers mishandle that).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        // Over UTF-8: a piece is one character's bytes (a lead byte and its continuation bytes), or a
        // backslash with the character after it. A calendar of every event folds thousands of lines.
        let bytes = Array(line.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 37 + 3)
        var octets = 0
        var start = 0
        while start < bytes.count {
            var end = start + 1
            if bytes[start] == UInt8(ascii: "\\") {
                // A backslash that ends the line goes on it as it is.
                guard end < bytes.count else { result.append(bytes[start]); break }
                end += 1
            }
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let width = end - start
            if octets + width > 75 {
                result.append(contentsOf: [13, 10, 32])
                octets = 1
            }
            result.append(contentsOf: bytes[start..<end])
            octets += width
            start = end
        }
        return String(decoding: result, as: UTF8.self)
    }
}
