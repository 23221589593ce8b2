import Model
import Testing

/// Trimming without Foundation: the same white space as `.whitespacesAndNewlines`.
@Suite struct TrimmingTests {
    @Test(arguments: [
        ("  Kulttuuri  ", "Kulttuuri"),
        ("\t\nrivi\r\n", "rivi"),
        ("\u{00A0}sitova\u{2003}välilyönti\u{3000}", "sitova\u{2003}välilyönti"),
        ("ei mitään", "ei mitään"),
        ("   ", ""),
        ("", ""),
        ("\u{2028}Åbo\u{2029}", "Åbo"),
    ])
    func trimsWhiteSpaceAtBothEnds(_ text: String, _ expected: String) {
        #expect(text.trimmingWhitespace() == expected)
        #expect(text[...].trimmingWhitespace() == expected)
    }

    @Test func trimsWhatThePredicateNames() {
        #expect("…sanat, ".trimming(where: { $0 == "," || $0 == " " || $0 == "…" }) == "sanat")
    }
}
