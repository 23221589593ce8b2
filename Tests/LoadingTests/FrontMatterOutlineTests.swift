import Loading
import Model
import Testing

/// The outline keeps each key's lines exactly as written, found by the YAML parser.
@Suite struct FrontMatterOutlineTests {
    static let file = """
        ---
        title: "Otsikko: jossa kaksoispiste"
        # kommentti ennen päivää
        date: 2026-11-16   # julkaisu
        summary: >-
          Kaksi
          riviä
        contact:
          name: Tuottaja
          email: x@example.fi

        tags: [a, b]
        ---

        Teksti.
        """

    @Test func keepsEachKeysLinesAsWritten() throws {
        let outline = try FrontMatterOutline.parse(Self.file, path: "content/articles/x.fi.md").get()
        #expect(outline.entries.map(\.key) == ["title", "date", "summary", "contact", "tags"])
        #expect(outline.entry("title")?.lines == ["title: \"Otsikko: jossa kaksoispiste\""])
        #expect(outline.entry("date")?.lines == ["date: 2026-11-16   # julkaisu"])
        #expect(outline.entry("contact")?.lines == ["contact:", "  name: Tuottaja", "  email: x@example.fi"])
        #expect(outline.entry("tags")?.lines == ["tags: [a, b]"])
        #expect(outline.body == "\nTeksti.")
    }

    @Test func givesScalarValuesAsText() throws {
        let outline = try FrontMatterOutline.parse(Self.file, path: "x").get()
        #expect(outline.entry("title")?.text == "Otsikko: jossa kaksoispiste")
        #expect(outline.entry("summary")?.text == "Kaksi riviä")
        #expect(outline.entry("contact")?.text == nil)
    }

    @Test func reportsBrokenFrontMatterWithItsLine() {
        let result = FrontMatterOutline.parse("---\ntitle: [auki\n---\n", path: "content/articles/x.fi.md")
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.location?.path == "content/articles/x.fi.md")
        #expect((diagnostic.location?.line ?? 0) >= 2)
    }
}
