import Model
import Testing

/// The one reading of content file names (`NAME.LANG.md`) that the walker, the preview and `new` share.
@Suite struct ContentFileNameReadingTests {
    @Test func readsTheNameAndTheLanguage() {
        #expect(ContentPath.nameAndLanguage(ofFile: "2026-11-20-kirjasto.fi.md")! == ("2026-11-20-kirjasto", .fi))
        #expect(ContentPath.nameAndLanguage(ofFile: "bibliotek.sv.md")! == ("bibliotek", .sv))
    }

    @Test(arguments: ["kirjasto.md", "kirjasto.en.md", ".fi.md", "a.b.fi.md", "a..fi.md", "kirjasto.fi.txt", "kirjasto.fi.md~"])
    func refusesOtherNames(_ name: String) {
        #expect(ContentPath.nameAndLanguage(ofFile: name) == nil)
    }
}
