import Model
@testable import Rendering
import Templates
import TestSupport
import Testing

/// Cards are rendered once per item, language and heading level and put into pages as HTML.
@Suite struct CardRendererTests {
    static func renderer() throws -> CardRenderer {
        var templates = ThemeFixture.complete
        templates["card"] = "{{% CONTENT_TYPE: HTML_FAST }}<li><h{{.level}}>{{.title}}</h{{.level}}>{{#.summary}}<p>{{.}}</p>{{/.summary}}{{siteTitle}}</li>"
        let set = try #require(TemplateSet.compile(ThemeFixture.theme(templates)).0)
        return CardRenderer(templates: set)
    }

    static let card = CardContext(title: "Kulttuuri & hyvinvointi", href: "/fi/a/", typeLabel: "Artikkeli", summary: "Lyhyesti <b>")

    @Test func rendersTheCardTemplateWithTheCardAlone() throws {
        let renderer = try Self.renderer()
        let card = renderer.rendered(Self.card)
        // The card is its own context: a name outside it (siteTitle) renders empty, escaping still applies.
        #expect(card.field(named: "html") as? String == "<li><h3>Kulttuuri &amp; hyvinvointi</h3><p>Lyhyesti &lt;b&gt;</p></li>")
        // A card is data: until a renderer fills it in, it has no HTML.
        #expect(Self.card.field(named: "html") as? String == "")
    }

    @Test func rendersWhatTheCardShowsNow() throws {
        let renderer = try Self.renderer()
        var deeper = Self.card
        deeper.level = 4
        var edited = Self.card
        edited.summary = "Uusi tiivistelmä"
        #expect(renderer.rendered(deeper).html.hasPrefix("<li><h4>"))
        #expect(renderer.rendered(edited).html.contains("Uusi tiivistelmä"))
        #expect(!renderer.rendered(Self.card).html.contains("Uusi"))
        // A rendered card changed afterwards (absolute links in e-mail) is rendered again for its new fields.
        var absolute = renderer.rendered(Self.card)
        absolute.title = "Toinen otsikko"
        #expect(renderer.rendered(absolute).html.contains("Toinen otsikko"))
    }

    @Test func aListsCardsHTMLIsItsCardsOneAfterAnother() throws {
        let renderer = try Self.renderer()
        let first = renderer.rendered(Self.card)
        var second = Self.card
        second.title = "Toinen"
        second = renderer.rendered(second)
        let group = CardGroupContext(heading: nil, cards: [first, second])
        let joined = try #require(group.field(named: "cardsHTML") as? String)
        #expect(joined == first.html + second.html)
        #expect(joined.contains("<h3>Toinen</h3>"))
        #expect(CardGroupContext(heading: nil, cards: []).field(named: "cardsHTML") as? String == "")
    }

    @Test func remembersEachItemsCardPerLanguageAndLevel() throws {
        let renderer = try Self.renderer()
        let key = CardRenderer.Key(path: "content/articles/a.fi.md", language: .fi, level: 2)
        var made = 0
        func make() -> CardContext {
            made += 1
            var card = Self.card
            card.level = 2
            return card
        }
        let first = renderer.card(key, make: make)
        let second = renderer.card(key, make: make)
        #expect(made == 1)
        #expect(first.html == "<li><h2>Kulttuuri &amp; hyvinvointi</h2><p>Lyhyesti &lt;b&gt;</p></li>")
        #expect(second.html == first.html)
        _ = renderer.card(CardRenderer.Key(path: key.path, language: .sv, level: 2), make: make)
        _ = renderer.card(CardRenderer.Key(path: key.path, language: .fi, level: 3), make: make)
        #expect(made == 3)
    }
}

/// The shell's language-wide parts are rendered once per language (the menu: per current link).
@Suite struct ShellFragmentsTests {
    static func shell(_ lang: String, current: Int?) -> ShellContext {
        ShellContext(
            lang: lang, siteTitle: "Tietopankki", siteDescription: nil, homeURL: "/\(lang)/", pageTitle: "Sivu \(lang)",
            description: nil, canonical: "https://example.fi/\(lang)/x/", alternates: [],
            languageSwitch: LanguageSwitchContext(lang: "sv", label: "På svenska", href: "/sv/", hasTranslation: true),
            sections: (0..<3).map { (n: Int) in LinkContext(title: "Osio \(n)", href: "/\(lang)/\(n)/", current: n == current) },
            menu: [], strings: [:], kind: "list", feeds: [])
    }

    @Test func rendersEachFragmentOncePerLanguageAndCurrentLink() throws {
        var templates = ThemeFixture.complete
        templates["site-menu"] = "{{#sections}}<a href=\"{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>{{/sections}}"
        templates["site-footer"] = "<footer>{{siteTitle}} {{lang}}</footer>"
        let fragments = ShellFragments(templates: try #require(TemplateSet.compile(ThemeFixture.theme(templates)).0))
        let first = fragments.html("site-menu", for: Self.shell("fi", current: 1))
        #expect(first == "<a href=\"/fi/0/\">Osio 0</a><a href=\"/fi/1/\" aria-current=\"page\">Osio 1</a><a href=\"/fi/2/\">Osio 2</a>")
        #expect(fragments.html("site-menu", for: Self.shell("fi", current: 2)).contains("<a href=\"/fi/2/\" aria-current=\"page\">"))
        #expect(!fragments.html("site-menu", for: Self.shell("fi", current: nil)).contains("aria-current"))
        #expect(fragments.html("site-footer", for: Self.shell("sv", current: nil)) == "<footer>Tietopankki sv</footer>")
        #expect(fragments.html("site-footer", for: Self.shell("fi", current: 1)) == "<footer>Tietopankki fi</footer>")
        // A theme without the fragment gets nothing in its place.
        #expect(fragments.html("site-text-size", for: Self.shell("fi", current: nil)).isEmpty)
        // A page's shell gets its fragments as plain fields.
        var shell = Self.shell("fi", current: 1)
        #expect(shell.field(named: "menuHTML") == nil)
        fragments.fill(&shell)
        #expect(shell.field(named: "menuHTML") as? String == first)
        #expect(shell.field(named: "footerHTML") as? String == "<footer>Tietopankki fi</footer>")
        #expect(shell.field(named: "textSizeHTML") as? String == "")
    }
}

/// An item page's regions, themes and tags come from the `term-link` template, once per distinct term.
@Suite struct TermLinkRendererTests {
    static func item(_ termLinks: TermLinkRenderer?) -> ItemContext {
        var item = ItemContext(
            type: "article", typeLabel: "Artikkeli", title: "Otsikko", html: "",
            regions: [TermContext(key: "uusimaa", label: "Uusimaa", href: "/fi/alueet/uusimaa/")],
            themes: [],
            tags: [
                TermContext(key: "sanataide", label: "sanataide", href: "/fi/avainsanat/sanataide/"),
                TermContext(key: "", label: "<?>", href: nil),
            ])
        if let termLinks {
            item.regionsHTML = termLinks.html(item.regions)
            item.themesHTML = termLinks.html(item.themes)
            item.tagsHTML = termLinks.html(item.tags)
        }
        return item
    }

    @Test func joinsTheTermLinksOfEachList() throws {
        var templates = ThemeFixture.complete
        templates["term-link"] = "{{% CONTENT_TYPE: HTML_FAST }}<li>{{#href}}<a href=\"{{.}}\">{{/href}}{{label}}{{#href}}</a>{{/href}}{{title}}</li>"
        let renderer = TermLinkRenderer(templates: try #require(TemplateSet.compile(ThemeFixture.theme(templates)).0))
        let item = Self.item(renderer)
        #expect(item.field(named: "regionsHTML") as? String == "<li><a href=\"/fi/alueet/uusimaa/\">Uusimaa</a></li>")
        #expect(item.field(named: "themesHTML") as? String == "")
        // A tag without a page is a label alone, escaped; the item's title is not the term's to show.
        #expect(item.field(named: "tagsHTML") as? String
            == "<li><a href=\"/fi/avainsanat/sanataide/\">sanataide</a></li><li>&lt;?&gt;</li>")
        // Another label under the same key is another link.
        var renamed = item.regions
        renamed[0].label = "Nyland"
        #expect(renderer.html(renamed) == "<li><a href=\"/fi/alueet/uusimaa/\">Nyland</a></li>")
    }

    @Test func aThemeWithoutTheTemplateGetsEmptyLists() throws {
        let renderer = TermLinkRenderer(templates: try #require(TemplateSet.compile(ThemeFixture.theme(ThemeFixture.complete)).0))
        #expect(Self.item(renderer).field(named: "tagsHTML") as? String == "")
        #expect((Self.item(renderer).field(named: "tags") as? [TermContext])?.count == 2)
    }
}

/// A card's summary taken from the body is its first paragraph cut at a word before 200 characters.
@Suite struct CardSummaryTests {
    @Test func cutsAtAWordAndDropsTrailingPunctuation() {
        let words = String(repeating: "Kulttuuri yhdistää, ", count: 12)  // 20 characters each
        #expect(ContextBuilder.truncate(words, to: 200) == String(repeating: "Kulttuuri yhdistää, ", count: 9) + "Kulttuuri yhdistää…")
        #expect(ContextBuilder.truncate(words, to: 195) == String(repeating: "Kulttuuri yhdistää, ", count: 9) + "Kulttuuri…")
        #expect(ContextBuilder.truncate("Lyhyt kappale.", to: 200) == "Lyhyt kappale.")
    }

    @Test(arguments: [
        String(repeating: "ä", count: 150) + String(repeating: " öö", count: 20),
        String(repeating: "e\u{301}", count: 199) + " loppu",
        String(repeating: "e\u{301}", count: 250),
        String(repeating: "x", count: 150) + " " + String(repeating: "👩‍👩‍👧 ", count: 40),
    ])
    func countsCharactersNotBytes(text: String) {
        // The same as cutting the first 200 characters by grapheme clusters.
        let byCharacters: String = {
            guard text.count > 200 else { return text }
            let cut = text.prefix(200)
            let end = cut.lastIndex(of: " ") ?? cut.endIndex
            return cut[..<end].trimming(where: { $0.properties.isWhitespace || $0 == "," }) + "…"
        }()
        #expect(ContextBuilder.truncate(text, to: 200) == byCharacters)
    }
}
