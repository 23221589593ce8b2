@testable import Templates
import Testing

/// Escaping single bytes by table, for templates and the other outputs.
@Suite struct EscapeTableTests {
    @Test func escapesOnlyTheBytesOfTheTable() {
        let table = EscapeTable(["&": "&amp;", "\r": ""])
        #expect(table.escape("Åbo & Turku\r\n") == "Åbo &amp; Turku\n")
        #expect(table.escape("ei erikoismerkkejä") == "ei erikoismerkkejä")
    }
}
