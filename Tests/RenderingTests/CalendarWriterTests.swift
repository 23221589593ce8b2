import Foundation
import Model
@testable import Rendering
import Testing

@Suite struct CalendarWriterTests {
    static let now = LocalTime.parse("2026-11-23T12:00:00+02:00")!

    static func entry(start: String, end: String?, title: String = "Webinaari", location: String? = nil) -> CalendarWriter.Entry {
        var event = EventMetadata(eventType: .webinar, start: LocalTime.parse(start)!)
        event.end = end.flatMap(LocalTime.parse)
        event.location = location
        return CalendarWriter.Entry(
            id: ItemID("events/2026-03-29-yo")!, title: title, summary: nil, event: event,
            url: "https://t.example.fi/fi/tapahtumat/yo/", typeLabel: "Webinaari")
    }

    func calendar(_ entries: [CalendarWriter.Entry]) -> String {
        CalendarWriter(baseURL: "https://t.example.fi", now: Self.now).calendar(name: "Testi", language: .fi, entries: entries)
    }

    @Test func writesUTCTimesAcrossTheSpringClockChange() {
        // Helsinki clocks jump from 03:00 to 04:00 on 29 March 2026: 02:30 → 04:30 local is one real hour.
        let text = calendar([Self.entry(start: "2026-03-29T02:30", end: "2026-03-29T04:30")])
        #expect(text.contains("DTSTART:20260329T003000Z\r\n"))
        #expect(text.contains("DTEND:20260329T013000Z\r\n"))
    }

    @Test func keepsAnExplicitOffsetAsGiven() {
        let text = calendar([Self.entry(start: "2027-03-26T09:00:00+02:00", end: "2027-03-26T11:30:00+02:00")])
        #expect(text.contains("DTSTART:20270326T070000Z\r\n"))
    }

    @Test func hasStableIdentityAndTheBuildMoment() {
        let text = calendar([Self.entry(start: "2026-12-03T08:30", end: nil)])
        #expect(text.contains("UID:events-2026-03-29-yo@t.example.fi\r\n"))
        #expect(text.contains("DTSTAMP:20261123T100000Z\r\n"))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func escapesTextAndFoldsLongLinesAt75Octets() {
        let title = "Kulttuuri, hyvinvointi; ja \\ \"yhdessä\" – " + String(repeating: "äöå ", count: 30)
        let text = calendar([Self.entry(start: "2026-12-03T08:30", end: nil, title: title, location: "Turku, Sali 1")])
        #expect(text.contains("LOCATION:Turku\\, Sali 1\r\n"))
        #expect(text.contains("SUMMARY:Kulttuuri\\, hyvinvointi\\; ja \\\\ \"yhdessä\""))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + CalendarWriter.escape(title) + "\r\n"))
    }

    @Test func neverSplitsAnEscapePairWhenFolding() {
        for padding in 0..<4 {
            let line = "DESCRIPTION:" + String(repeating: "a", count: 60 + padding) + "\\,\\,\\;\\n" + String(repeating: "b", count: 30)
            let physical = CalendarWriter.fold(line).components(separatedBy: "\r\n ")
            #expect(physical.dropLast().allSatisfy { !$0.hasSuffix("\\") || $0.hasSuffix("\\\\") }, "\(physical)")
        }
    }

    /// Folding as written first, a scalar at a time: the byte-wise fold must give the same lines.
    static func foldByScalars(_ line: String) -> String {
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
            if octets + piece.utf8.count > 75 {
                result += "\r\n "
                octets = 1
            }
            result += piece
            octets += piece.utf8.count
        }
        if pendingBackslash { result += "\\" }
        return result
    }

    @Test func foldsMultiByteCharactersAndEscapesWhole() {
        let pieces = ["a", "ä", "€", "😀", "\\,", "\\\\", "\\n", " "]
        for length in 60..<140 {
            var line = "DESCRIPTION:"
            var seed = length
            while line.utf8.count < length {
                seed = (seed &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
                line += pieces[seed % pieces.count]
            }
            for candidate in [line, line + "\\"] {
                let folded = CalendarWriter.fold(candidate)
                #expect(folded == Self.foldByScalars(candidate), "\(candidate)")
                #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == candidate)
                let physical = folded.components(separatedBy: "\r\n ")
                #expect(physical.dropLast().allSatisfy { $0.utf8.count <= 75 })
            }
        }
    }
}
