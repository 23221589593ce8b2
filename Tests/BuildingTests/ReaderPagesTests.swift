import Building
import Foundation
import Inspection
import Model
import TestSupport
import Testing

/// What readers of one language meet on pages the site builds: the missing-translation note, the
/// header's menu and search field, the footer's standing pages.
@Suite struct ReaderPagesTests {
    func page(_ site: TemporarySite, _ path: String) throws -> (String, HTMLDocument) {
        let html = try String(contentsOf: site.url("output/" + path), encoding: .utf8)
        return (html, try #require(HTMLDocument(html: html)))
    }

    /// The note beside the switch is for the reader of the other language, so it is in that language and
    /// says so with `lang`; the link leads to the nearest page there.
    @Test(arguments: [
        // (file, page, the link's target, the note's language, words of the note)
        ("content/articles/2025-01-01-vain.fi.md", "fi/artikkelit/vain-suomeksi/index.html", "/sv/artiklar/", "sv", "finns inte på svenska"),
        ("content/articles/2025-01-01-bara.sv.md", "sv/artiklar/bara-pa-svenska/index.html", "/fi/artikkelit/", "fi", "ei ole suomeksi"),
        ("content/pages/vain.fi.md", "fi/vain-suomeksi/index.html", "/sv/", "sv", "finns inte på svenska"),
    ])
    func theMissingTranslationNoteIsInTheOtherLanguageAndLeadsToItsNearestPage(
        file: String, path: String, target: String, lang: String, words: String
    ) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let title = path.hasPrefix("sv") ? "Bara på svenska" : "Vain suomeksi"
        try site.write(file, "---\ntitle: \(title)\n\(file.contains("pages") ? "" : "date: 2025-01-01\n")---\nTeksti.\n")
        try SiteBuilder.build(fixtureRequest(site))
        let (_, document) = try page(site, path)
        let note = try #require(document.elements(named: "p").first { $0["class"] == "no-translation" })
        #expect(note["lang"] == lang)
        #expect(note.text.contains(words))
        let link = try #require(document.elements(named: "a").first { $0["hreflang"] == lang && $0["lang"] == lang })
        #expect(link["href"] == target)
    }

    @Test func aTranslatedPageHasNoNote() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let (html, _) = try page(site, "fi/index.html")
        #expect(!html.contains("no-translation"))
    }

    /// The header: a disclosure holding the menu of sections and a search field that asks the language's
    /// search page; standing pages are in the footer, not the main menu.
    @Test func theHeaderHasACollapsibleMenuAndASearchFieldAndTheFooterTheStandingPages() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let (html, document) = try page(site, "sv/index.html")
        let header = try #require(html.range(of: "<header class=\"site-header\">"))
        let headerEnd = try #require(html.range(of: "</header>"))
        let headerHTML = String(html[header.lowerBound..<headerEnd.upperBound])
        #expect(headerHTML.contains("<details class=\"site-nav\" id=\"site-nav\">\n<summary class=\"menu-toggle\">Meny</summary>"))
        let form = try #require(document.elements(named: "form").first { $0["class"] == "header-search" })
        #expect(form["action"] == "/sv/sok/")
        #expect(form["method"] == "get")
        #expect(headerHTML.contains("<input type=\"search\" id=\"header-search-q\" name=\"q\">"))
        #expect(headerHTML.contains("href=\"/sv/goda-exempel/\""))
        #expect(!headerHTML.contains("/fi/tietoa/"))
        let (finnish, _) = try page(site, "fi/index.html")
        let footer = try #require(finnish.range(of: "<footer class=\"site-footer\">"))
        #expect(finnish[footer.lowerBound...].contains("<a href=\"/fi/tietoa/\">Tietoa hankkeesta</a>"))
        let finnishHeader = try #require(finnish.range(of: "</header>"))
        #expect(!finnish[..<finnishHeader.lowerBound].contains("/fi/tietoa/"))
    }

    /// Swedish region pages live at the slug of the Swedish label; the two languages' pages name each
    /// other in hreflang, the sitemap and the item pages' links use the same addresses.
    @Test func regionPagesHaveSwedishAddressesPairedWithTheFinnishOnes() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("content/articles/2025-02-01-nyland.fi.md", "---\ntitle: Uusimaa\ndate: 2025-02-01\nregions: [uusimaa]\n---\nTeksti.\n")
        try site.write("content/articles/2025-02-01-nyland.sv.md", "---\ntitle: Nyland\ndate: 2025-02-01\nregions: [uusimaa]\n---\nText.\n")
        try SiteBuilder.build(fixtureRequest(site))
        let exists = { (path: String) in FileManager.default.fileExists(atPath: site.url("output/" + path).path) }
        #expect(exists("sv/regioner/nyland/index.html"))
        #expect(exists("sv/regioner/nyland/feed.xml"))
        #expect(exists("sv/regioner/mellersta-finland/index.html"))
        #expect(!exists("sv/regioner/uusimaa"))
        #expect(exists("fi/alueet/uusimaa/index.html"))
        let (swedish, _) = try page(site, "sv/regioner/nyland/index.html")
        let (finnish, _) = try page(site, "fi/alueet/uusimaa/index.html")
        #expect(swedish.contains("<link rel=\"alternate\" hreflang=\"fi\" href=\"https://minimal.example.fi/fi/alueet/uusimaa/\">"))
        #expect(finnish.contains("<link rel=\"alternate\" hreflang=\"sv\" href=\"https://minimal.example.fi/sv/regioner/nyland/\">"))
        #expect(finnish.contains("<a href=\"/sv/regioner/nyland/\" lang=\"sv\" hreflang=\"sv\">"))
        let (article, _) = try page(site, "sv/artiklar/nyland/index.html")
        #expect(article.contains("href=\"/sv/regioner/nyland/\""))
        #expect(!article.contains("/sv/regioner/uusimaa/"))
        let sitemap = try String(contentsOf: site.url("output/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://minimal.example.fi/sv/regioner/nyland/</loc>"))
        #expect(sitemap.contains("hreflang=\"sv\" href=\"https://minimal.example.fi/sv/regioner/nyland/\""))
        #expect(!sitemap.contains("/sv/regioner/uusimaa/"))
    }

    /// An event's card shows when and where it happens, not the day it was published: on the home page,
    /// its term pages, beside related items and in the browse page's data.
    @Test func eventCardsShowTheEventsDateTimeAndPlace() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let event = """
            ---
            title: Kuntavierailu Jyväskylään
            date: 2026-11-16
            event_type: visit
            start: 2027-02-03T10:00
            end: 2027-02-03T14:30
            location: Jyväskylän kaupunginkirjasto
            regions: [keski-suomi]
            tags: [kuntavierailu]
            ---
            Tervetuloa.
            """
        try site.write("content/events/2027-02-03-jyvaskyla.fi.md", event + "\n")
        try site.write(
            "content/articles/2026-11-01-jyvaskyla.fi.md",
            "---\ntitle: Jyväskylän kulttuuri\ndate: 2026-11-01\nregions: [keski-suomi]\ntags: [kuntavierailu]\n---\nTeksti.\n")
        try SiteBuilder.build(fixtureRequest(site))
        let when = "ke 3.2.2027 klo 10.00–14.30"
        for path in ["fi/index.html", "fi/alueet/keski-suomi/index.html", "fi/avainsanat/kuntavierailu/index.html",
                     "fi/artikkelit/jyvaskylan-kulttuuri/index.html", "fi/tapahtumat/index.html"] {
            let (_, document) = try page(site, path)
            let card = try #require(
                document.elements(named: "li").first { $0["class"]?.hasPrefix("card card-event") == true }, "no event card on \(path)")
            #expect(card.text.contains(when), "\(path): \(card.text)")
            #expect(card.text.contains("Jyväskylän kaupunginkirjasto"), "\(path): \(card.text)")
            #expect(!card.text.contains("16.11.2026"), "\(path): \(card.text)")
        }
        let data = try String(contentsOf: site.url("output/fi/selaa/index.json"), encoding: .utf8)
        #expect(data.contains("\"d\":\"\(when)\""), "\(data)")
        #expect(data.contains("\"p\":\"Jyväskylän kaupunginkirjasto\""), "\(data)")
        #expect(!data.contains("16.11.2026"))
    }

    static let signup = """
          signup:
            action: https://lista.example.fi/subscribe?a=1&b=2
            email_field: EMAIL
            list_field: list_id
            list:
              fi: lista-fi
              sv: lista-sv
            consent_field: gdpr
            consent:
              fi: Hyväksyn osoitteeni tallentamisen.
              sv: Jag godkänner att adressen sparas.

        """

    /// With `newsletter.signup` set, the home page, the newsletter pages and the footer of other pages have
    /// one form each, posting to the mailing tool with the language's list; without it, no page has one.
    @Test(arguments: [true, false])
    func theSignUpFormIsWhereItIsConfiguredAndNowhereElse(configured: Bool) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        if configured {
            let settings = try String(contentsOf: site.url("content/site.yml"), encoding: .utf8)
            try site.write("content/site.yml", settings + Self.signup)
        }
        try site.write("content/newsletters/1.sv.md", "---\ntitle: Nyhetsbrev 1\ndate: 2025-03-01\nissue: 1\n---\nHej.\n")
        try SiteBuilder.build(fixtureRequest(site))
        for (path, inContent) in [("fi/index.html", true), ("sv/nyhetsbrev/index.html", true), ("sv/nyhetsbrev/1/index.html", true),
                                  ("fi/artikkelit/index.html", false), ("sv/index.html", true), ("fi/tietoa/index.html", false)] {
            let (html, document) = try page(site, path)
            let forms = document.elements(named: "form").filter { $0["class"] == "signup" }
            guard configured else {
                #expect(forms.isEmpty, "\(path)")
                continue
            }
            try #require(forms.count == 1, "\(path): \(forms.count) sign-up forms")
            let form = forms[0]
            #expect(form["action"] == "https://lista.example.fi/subscribe?a=1&b=2")
            #expect(form["method"] == "post")
            #expect(html.contains("action=\"https://lista.example.fi/subscribe?a=1&amp;b=2\""))
            let language = path.hasPrefix("sv") ? "sv" : "fi"
            #expect(html.contains("<input type=\"hidden\" name=\"list_id\" value=\"lista-\(language)\">"), "\(path)")
            #expect(html.contains("name=\"EMAIL\" autocomplete=\"email\" required>"), "\(path)")
            #expect(html.contains("name=\"gdpr\" value=\"yes\" required>"), "\(path)")
            #expect(html.contains(language == "sv" ? "Jag godkänner att adressen sparas." : "Hyväksyn osoitteeni tallentamisen."))
            let footer = try #require(html.range(of: "<footer class=\"site-footer\">"))
            #expect(html[footer.lowerBound...].contains("class=\"signup\"") != inContent, "\(path)")
        }
    }

    @Test func aSignUpFormWithoutItsMailingToolAddressIsAnError() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let settings = try String(contentsOf: site.url("content/site.yml"), encoding: .utf8)
        try site.write("content/site.yml", settings + Self.signup.replacingOccurrences(of: "    action: https://lista.example.fi/subscribe?a=1&b=2\n", with: ""))
        let messages: [String]
        do {
            try SiteBuilder.build(fixtureRequest(site))
            messages = []
        } catch let failure as BuildFailure {
            messages = failure.diagnostics.map(\.description)
        }
        #expect(messages.contains { $0.contains("content/site.yml") && $0.contains("'action'") }, "\(messages)")
    }

    /// The root page offers each language in that language, marked with its `lang`.
    @Test func theLanguageChoiceNamesEachLanguageInItself() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let config = try String(contentsOf: site.url("content/site.yml"), encoding: .utf8)
        try site.write("content/site.yml", config
            .replacingOccurrences(of: "fi: Kulttuuria yhteistuumin", with: "fi: Testisivusto")
            .replacingOccurrences(of: "sv: Kultur tillsammans", with: "sv: Testsajt"))
        try SiteBuilder.build(fixtureRequest(site))
        let (_, document) = try page(site, "index.html")
        let choices = document.elements(named: "a").map { ($0.text, $0["href"], $0["lang"], $0["hreflang"]) }
        #expect(choices.count == 2)
        #expect(choices.first { $0.1 == "/fi/" }.map { [$0.0, $0.2, $0.3] } == ["Suomeksi", "fi", "fi"])
        #expect(choices.first { $0.1 == "/sv/" }.map { [$0.0, $0.2, $0.3] } == ["På svenska", "sv", "sv"])
        // The site's name and the prompt come from site.yml and the theme's strings, each in its language.
        let (html, _) = try page(site, "index.html")
        #expect(html.contains("<title>Testisivusto – Testsajt</title>"), "\(html)")
        #expect(html.contains("<span class=\"heading-line\" lang=\"sv\">Testsajt</span>"))
        #expect(html.contains("<span lang=\"fi\">Valitse kieli.</span> <span lang=\"sv\">Välj språk.</span>"))
    }

    /// `/404.html` at the root, for servers and requests outside both languages: the message in Finnish and
    /// in Swedish, each part marked with its `lang` and leading to its language's home; the per-language
    /// 404 pages stay.
    @Test func theRootHasABilingualNotFoundPageBesideTheLanguagesOwn() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let (html, document) = try page(site, "404.html")
        let parts = document.elements(named: "div").filter { $0["class"] == "not-found-language" }
        #expect(parts.map { $0["lang"] } == ["fi", "sv"])
        #expect(parts.first?.text.contains("Hakemaasi sivua ei löytynyt") == true)
        #expect(parts.last?.text.contains("Sidan du söker hittades inte") == true)
        #expect(html.contains("<span class=\"heading-line\" lang=\"sv\">Sidan hittades inte</span>"))
        #expect(document.elements(named: "a").map { $0["href"] } == ["/fi/", "/sv/"])
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        for language in ["fi", "sv"] {
            let (own, _) = try page(site, "\(language)/404.html")
            #expect(own.contains("<html lang=\"\(language)\""))
        }
        let sitemap = try String(contentsOf: site.url("output/sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("404.html"))
    }

    /// Standing pages have no type label over the heading, and a page with only `updated` shows it without
    /// a separator before it.
    @Test(arguments: [
        ("content/pages/tietoa.fi.md", "fi/tietoa/index.html", "Päivitetty", "Sivu"),
        ("content/pages/om.sv.md", "sv/om-projektet/index.html", "Uppdaterad", "Sida"),
    ])
    func standingPagesHaveNoTypeLabelAndNoStraySeparator(file: String, path: String, updated: String, label: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let title = path.hasPrefix("sv") ? "Om projektet" : "Tietoa hankkeesta"
        try site.write(file, "---\ntitle: \(title)\nslug: \(path.split(separator: "/")[1])\nupdated: 2026-11-02\nauthor: Maija\n---\nTeksti.\n")
        try SiteBuilder.build(fixtureRequest(site))
        let (html, document) = try page(site, path)
        #expect(!document.elements(named: "p").contains { $0["class"] == "item-type" })
        #expect(!html.contains(">\(label)</p>"))
        let meta = try #require(document.elements(named: "p").first { $0["class"] == "item-meta" })
        #expect(meta.text.hasPrefix("\(updated) "), "\(meta.text)")
        #expect(meta.text.contains(" · "), "the author after the date: \(meta.text)")
        // Other items keep their type line.
        let (_, article) = try page(site, "fi/artikkelit/tervetuloa/index.html")
        #expect(article.elements(named: "p").first { $0["class"] == "item-type" }?.text == "Artikkeli")
    }
}
