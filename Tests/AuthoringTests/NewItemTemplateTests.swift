import Authoring
import Model
import Testing

/// New files of every type in both languages: they decode cleanly, offer every key the build accepts,
/// explain it in the file's language, and stay valid when the editor takes the examples into use.
@Suite struct NewItemTemplateTests {
    static let day = CalendarDay("2026-11-23")!
    static let cases: [(ContentType, Language)] = ContentType.allCases.flatMap { type in
        Language.allCases.map { (type, $0) }
    }

    func newItem(_ type: ContentType, _ language: Language, title: String = "Kulttuuri & hyvinvointi: \"yhdessä\"") -> NewItem {
        NewItem(type: type, language: language, title: title, day: Self.day, issue: type == .newsletter ? 3 : nil)
    }

    @Test(arguments: cases)
    func decodesWithoutDiagnosticsAsADraft(type: ContentType, language: Language) throws {
        let item = newItem(type, language)
        let name = try #require(item.fileName)
        let text = NewItemTemplate.text(for: item)
        let draft = Decoding.decode(text, as: name)
        #expect(draft.diagnostics.isEmpty, "\(draft.diagnostics)")
        #expect(draft.item?.common.draft == true)
        #expect(draft.item?.common.title == item.title)
        let published = Decoding.decode(Decoding.published(text), as: name)
        #expect(published.diagnostics.isEmpty, "\(published.diagnostics)")
        #expect(published.item?.common.draft == false)
    }

    @Test(arguments: cases)
    func offersEveryKeyTheBuildAccepts(type: ContentType, language: Language) {
        let text = NewItemTemplate.text(for: newItem(type, language))
        let offered = Set(text.components(separatedBy: "\n").compactMap { line -> String? in
            let key = line.hasPrefix("# ") ? line.dropFirst(2) : Substring(line)
            guard let colon = key.firstIndex(of: ":") else { return nil }
            return String(key[..<colon])
        })
        // A newsletter's address is its issue number, so the file does not offer a slug.
        let expected = Decoding.allowedKeys(type).filter { !(type == .newsletter && $0 == "slug") }
        for key in expected {
            #expect(offered.contains(key), "\(type) \(language) does not offer '\(key)'")
        }
    }

    @Test(arguments: cases)
    func staysValidWithEveryExampleTakenIntoUse(type: ContentType, language: Language) throws {
        let item = newItem(type, language)
        let text = Decoding.uncommentingOptionalKeys(NewItemTemplate.text(for: item))
        #expect(!text.contains("\n# summary:"))
        let decoded = Decoding.decode(text, as: try #require(item.fileName))
        #expect(decoded.diagnostics.filter(\.isError).isEmpty, "\(decoded.diagnostics)\n\(text)")
    }

    @Test func explainsInTheFilesLanguage() {
        let finnish = NewItemTemplate.text(for: newItem(.article, .fi))
        let swedish = NewItemTemplate.text(for: newItem(.article, .sv))
        #expect(finnish.contains("# Vapaaehtoiset tiedot"))
        #expect(finnish.contains("luonnos"))
        #expect(!finnish.contains("Frivilliga"))
        #expect(swedish.contains("# Frivilliga uppgifter"))
        #expect(swedish.contains("utkast"))
        #expect(!swedish.contains("Vapaaehtoiset"))
    }

    @Test(arguments: [
        (Language.fi, ["## Lähtötilanne", "## Toteutus", "## Tulokset", "## Resurssit", "## Siirrettävyys"]),
        (Language.sv, ["## Utgångsläge", "## Genomförande", "## Resultat", "## Resurser", "## Överförbarhet"]),
    ])
    func givesAGoodPracticeTheInnokylaHeadings(language: Language, headings: [String]) {
        let text = NewItemTemplate.text(for: newItem(.practice, language))
        let found = text.components(separatedBy: "\n").filter { $0.hasPrefix("## ") }
        #expect(found == headings)
    }

    @Test func namesFilesByTypeDayAndTitle() {
        #expect(newItem(.article, .fi, title: "Kirjasto kylän olohuoneena").fileName?.path
            == "content/articles/2026-11-23-kirjasto-kylan-olohuoneena.fi.md")
        #expect(newItem(.practice, .sv, title: "Kulturbuss i skärgården").fileName?.path
            == "content/practices/2026-11-23-kulturbuss-i-skargarden.sv.md")
        #expect(newItem(.page, .fi, title: "Usein kysyttyä").fileName?.path == "content/pages/usein-kysyttya.fi.md")
        #expect(newItem(.newsletter, .sv, title: "Nyhetsbrev 3/2026").fileName?.path == "content/newsletters/3.sv.md")
        #expect(newItem(.article, .fi, title: "!!!").fileName == nil)
    }

    @Test func namesAnEventAfterTheDayItStarts() {
        var event = newItem(.event, .fi, title: "Webinaari")
        event.start = "2027-02-04T13:00"
        #expect(event.fileName?.path == "content/events/2027-02-04-webinaari.fi.md")
        let text = NewItemTemplate.text(for: event)
        #expect(text.contains("\nstart: 2027-02-04T13:00 "))
        #expect(text.contains("\n# end: 2027-02-04T14:00 "))
        #expect(text.contains("\n# registration_deadline: 2027-02-03 "))
    }

    @Test func marksWhatAnEventStillNeeds() {
        var visit = newItem(.event, .sv, title: "Kommunbesök")
        visit.eventType = .visit
        let text = NewItemTemplate.text(for: visit)
        #expect(text.contains("event_type: visit"))
        #expect(text.contains("start: 2026-11-23T09:00"))
        #expect(text.contains("FYLL I: rätt starttid"))
        #expect(text.contains("location: \"FYLL I: kommun och plats\""))
    }

    @Test func listsANewslettersItemsWithTheirTitles() throws {
        var issue = newItem(.newsletter, .fi, title: "Uutiskirje 3/2026")
        issue.newsletterItems = [
            (ItemID("articles/2026-11-16-kevaan-ohjelma")!, "Kevään ohjelma (16.11.2026)"),
            (ItemID("events/2026-12-03-aamukahvi")!, nil),
        ]
        let text = NewItemTemplate.text(for: issue)
        #expect(text.contains("\n  - articles/2026-11-16-kevaan-ohjelma"))
        #expect(text.contains("# Kevään ohjelma (16.11.2026)"))
        #expect(!text.contains("# items:"))
        let decoded = Decoding.decode(text, as: try #require(issue.fileName))
        #expect(decoded.item?.newsletter?.items.map(\.id.description)
            == ["articles/2026-11-16-kevaan-ohjelma", "events/2026-12-03-aamukahvi"])
    }
}
