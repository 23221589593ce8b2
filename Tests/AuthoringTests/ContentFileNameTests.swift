import Authoring
import Model
import Testing

@Suite struct ContentFileNameTests {
    @Test(arguments: [
        ("content/articles/2020-10-21-petajavesi.fi.md", "articles/2020-10-21-petajavesi", Language.fi),
        ("/tmp/site/content/newsletters/2.sv.md", "newsletters/2", Language.sv),
        ("../site/content/pages/tietoa.fi.md", "pages/tietoa", Language.fi),
    ])
    func readsContentPaths(path: String, id: String, language: Language) {
        let name = ContentFileName.parse(path: path)
        #expect(name?.id.description == id)
        #expect(name?.language == language)
    }

    @Test(arguments: [
        "content/articles/x.md", "content/articles/x.de.md", "content/stuff/x.fi.md", "articles/x.fi.md",
        "content/articles/x.fi.txt", "content/articles/.fi.md", "content/articles/a.b.fi.md",
    ])
    func refusesWhatTheBuildWouldNotRead(path: String) {
        #expect(ContentFileName.parse(path: path) == nil)
    }

    @Test func pairsAFileWithItsTranslation() {
        let name = ContentFileName.parse(path: "content/practices/kaikukortti.fi.md")!
        #expect(name.translation.path == "content/practices/kaikukortti.sv.md")
    }
}
