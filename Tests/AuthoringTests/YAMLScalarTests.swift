@testable import Authoring
import Loading
import Testing

/// Titles are written so that YAML reads back exactly the text the editor typed.
@Suite struct YAMLScalarTests {
    @Test(arguments: [
        "Kirjasto kylän olohuoneena", "Aamukahvi: kulttuuri", "#1 uutinen", "- lista", "null", "~", "true",
        "\"Lainaus\" ja \\ kenoviiva", "Rivi\ntoinen", "[hakasulkeet]", "Pilkku, ja kysymys?", "2026", "Loppuu:",
        "' heittomerkki", "& ja * ja !", "Tab\there", "  välilyönnit  ",
    ])
    func readsBackAsTheSameText(title: String) throws {
        let file = "---\ntitle: \(YAMLScalar.text(title))\n---\n"
        let outline = try FrontMatterOutline.parse(file, path: "x.fi.md").get()
        #expect(outline.entry("title")?.text == title)
    }

    @Test func leavesOrdinaryTitlesUnquoted() {
        #expect(YAMLScalar.text("Kultur på två språk") == "Kultur på två språk")
        #expect(YAMLScalar.text("Aamukahvi: kulttuuri") == "\"Aamukahvi: kulttuuri\"")
    }
}
