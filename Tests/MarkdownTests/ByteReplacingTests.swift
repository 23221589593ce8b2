@testable import Markdown
import Testing

/// The byte-level replacements of the renderer's hot paths.
@Suite struct ByteReplacingTests {
    @Test func replacesEveryNeedleAndCopiesTheRestAsItIs() {
        let pairs = [(needle: "<table>", replacement: "<div><table>"), (needle: "</table>", replacement: "</table></div>")]
        #expect(ByteReplacing.replacing("ä<p>x</p><table><tr></tr></table>ö<tab", pairs)
            == "ä<p>x</p><div><table><tr></tr></table></div>ö<tab")
        #expect(ByteReplacing.replacing("ei taulukkoa <p>", pairs) == "ei taulukkoa <p>")
        #expect(ByteReplacing.replacing("", pairs) == "")
    }

    @Test func givesMarkedHeadingsTheirIDsInOrderAndLeavesOthers() {
        let html = "<h2>Raaka</h2><h2>\u{1}h\u{1}Eka</h2>\n<p>ä</p><h3>\u{1}h\u{1}Toka</h3><h2>Ei id:tä</h2>"
        #expect(ByteReplacing.addingHeadingIDs(html, marker: "\u{1}h\u{1}", [(2, "eka"), (3, "toka")])
            == "<h2>Raaka</h2><h2 id=\"eka\">Eka</h2>\n<p>ä</p><h3 id=\"toka\">Toka</h3><h2>Ei id:tä</h2>")
        #expect(ByteReplacing.addingHeadingIDs("<h2>\u{1}h\u{1}", marker: "\u{1}h\u{1}", [(2, "a")]) == "<h2 id=\"a\">")
    }
}
