import Authoring
import Loading
import Model
import Testing

/// A translation starts with the source's facts copied line for line and its texts behind a marker.
@Suite struct TranslationDraftTests {
    static let day = CalendarDay("2026-11-23")!

    static let event = """
        ---
        title: "Aamukahvi: kulttuuri hyvinvointisuunnitelmassa"
        date: 2026-11-16
        updated: 2026-11-20
        slug: aamukahvi-joulukuu
        summary: >-
          Miten kulttuuri näkyy
          hyvinvointisuunnitelmassa?
        event_type: morning-coffee
        start: 2026-12-03T08:30
        end: 2026-12-03T09:30
        online: https://example.fi/aamukahvi   # linkki
        registration_deadline: 2026-12-02
        materials:
          - title: Diat (PDF)
            url: https://example.fi/diat.pdf
        tags: [aamukahvi, hyvinvointikertomus]
        regions: [koko-suomi]
        themes: [kulttuurihyvinvointi]
        draft: true
        ---

        Teksti, jossa on [linkki](../pages/laki.fi.md).
        """

    func translate(_ text: String, type: ContentType = .event, from language: Language = .fi, title: String? = nil) throws -> String {
        let outline = try FrontMatterOutline.parse(text, path: "content/\(type.folder)/x.\(language.rawValue).md").get()
        return TranslationDraft.text(of: outline, type: type, from: language, title: title, day: Self.day)
    }

    @Test func copiesTheSharedFactsLineForLine() throws {
        let text = try translate(Self.event)
        for line in [
            "date: 2026-11-16", "updated: 2026-11-20", "event_type: morning-coffee", "start: 2026-12-03T08:30",
            "end: 2026-12-03T09:30", "online: https://example.fi/aamukahvi   # linkki", "registration_deadline: 2026-12-02",
            "regions: [koko-suomi]", "themes: [kulttuurihyvinvointi]",
            "materials:\n  - title: Diat (PDF)\n    url: https://example.fi/diat.pdf",
        ] {
            #expect(text.contains("\n\(line)\n"), "missing «\(line)»")
        }
    }

    @Test func marksTheTextsForTranslation() throws {
        let text = try translate(Self.event)
        #expect(text.contains("title: \"ÖVERSÄTT: Aamukahvi: kulttuuri hyvinvointisuunnitelmassa\""))
        #expect(text.contains("summary: \"ÖVERSÄTT: Miten kulttuuri näkyy hyvinvointisuunnitelmassa?\""))
        #expect(text.contains("# ÖVERSÄTT: nedan finns texter på finska"))
        #expect(text.contains("ÖVERSÄTT: texten nedan är på finska."))
        #expect(text.hasSuffix("\n\nTeksti, jossa on [linkki](../pages/laki.fi.md)."))
    }

    @Test func dropsTheSlugAndStartsAsADraft() throws {
        let text = try translate(Self.event)
        #expect(!text.contains("slug: aamukahvi-joulukuu"))
        #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("draft:") }.count == 1)
        let decoded = Decoding.decode(text, as: ContentFileName(type: .event, name: "x", language: .sv))
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
        #expect(decoded.item?.common.draft == true)
        #expect(decoded.item?.event?.start == LocalTime.parse("2026-12-03T08:30"))
        #expect(decoded.item?.common.updated == LocalTime.parse("2026-11-20"))
    }

    @Test func usesTheTitleTheTranslatorGives() throws {
        let text = try translate(Self.event, title: "Morgonkaffe: kulturen i välfärdsplanen")
        #expect(text.contains("\ntitle: \"Morgonkaffe: kulturen i välfärdsplanen\"\n"))
    }

    @Test func translatesTheInnokylaHeadingsOfAGoodPractice() throws {
        let source = """
            ---
            title: Kulturbuss
            date: 2026-01-01
            municipality: Jakobstad
            status: ongoing
            ---

            ## Utgångsläge

            Text.

            ## Överförbarhet

            Text.
            """
        let text = try translate(source, type: .practice, from: .sv)
        #expect(text.contains("\n## Lähtötilanne\n"))
        #expect(text.contains("\n## Siirrettävyys\n"))
        #expect(!text.contains("## Utgångsläge"))
        #expect(text.contains("title: \"KÄÄNNÄ: Kulturbuss\""))
        #expect(text.contains("# KÄÄNNÄ: alla on ruotsinkielisiä tekstejä"))
        #expect(text.contains("\nstatus: ongoing\n"))
        let decoded = Decoding.decode(Decoding.published(text), as: ContentFileName(type: .practice, name: "x", language: .fi))
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics)")
    }

    @Test func offersTheOptionalKeysTheSourceDoesNotUse() throws {
        let text = try translate("---\ntitle: Sivu\nmenu: 2\n---\nTeksti\n", type: .page)
        #expect(text.contains("\nmenu: 2\n"))
        #expect(text.contains("# Frivilliga uppgifter"))
        #expect(text.contains("\n# summary: "))
        #expect(!text.contains("\n# menu: "))
        #expect(!text.contains("\n# slug: "))
    }

    @Test func copiesANewslettersIssueAndItems() throws {
        let source = "---\ntitle: Uutiskirje 2/2026\ndate: 2026-11-19\nissue: 2\nsubject: Aihe\nitems:\n  - articles/a\n  - events/b\n---\nHei\n"
        let text = try translate(source, type: .newsletter)
        #expect(text.contains("\nissue: 2\nsubject: \"ÖVERSÄTT: Aihe\"\nitems:\n  - articles/a\n  - events/b\n"))
    }
}
