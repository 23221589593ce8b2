import Building
import Foundation
import Inspection
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
}
