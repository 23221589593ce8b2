import Model
@testable import Rendering
import Templates
import TestSupport
import Testing

/// Cards are rendered once per distinct card and put into pages as HTML.
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
        var card = Self.card
        card.renderer = renderer
        // The card is its own context: a name outside it (siteTitle) renders empty, escaping still applies.
        #expect(card.field(named: "html") as? String == "<li><h3>Kulttuuri &amp; hyvinvointi</h3><p>Lyhyesti &lt;b&gt;</p></li>")
    }

    @Test func anyDifferenceInWhatACardShowsIsAnotherCard() throws {
        let renderer = try Self.renderer()
        var deeper = Self.card
        deeper.level = 4
        var edited = Self.card
        edited.summary = "Uusi tiivistelmä"
        #expect(renderer.html(for: Self.card) == renderer.html(for: Self.card))
        #expect(renderer.html(for: deeper).hasPrefix("<li><h4>"))
        #expect(renderer.html(for: edited).contains("Uusi tiivistelmä"))
        #expect(!renderer.html(for: Self.card).contains("Uusi"))
        // The renderer a card carries is not part of what the card is.
        var carried = Self.card
        carried.renderer = renderer
        #expect(carried == Self.card)
    }

    @Test func aPrerenderedCardDropsItsHTMLWhenWhatItShowsChanges() throws {
        let renderer = try Self.renderer()
        var card = Self.card
        card.renderer = renderer
        card.prerender()
        #expect(card.field(named: "html") as? String == renderer.html(for: Self.card))
        // A page that changes a remembered card (a deeper heading, absolute links in e-mail) gets the
        // changed card's HTML, never the HTML remembered for the card as it was.
        var deeper = card
        deeper.level = 4
        #expect((deeper.field(named: "html") as? String)?.hasPrefix("<li><h4>") == true)
        var absolute = card
        absolute.title = "Toinen otsikko"
        #expect((absolute.field(named: "html") as? String)?.contains("Toinen otsikko") == true)
    }

    @Test func aListsCardsHTMLIsItsCardsOneAfterAnother() throws {
        let renderer = try Self.renderer()
        var first = Self.card
        first.renderer = renderer
        first.prerender()
        var second = Self.card
        second.title = "Toinen"
        second.renderer = renderer
        let group = CardGroupContext(heading: nil, cards: [first, second])
        let joined = try #require(group.field(named: "cardsHTML") as? String)
        #expect(joined == renderer.html(for: Self.card) + renderer.html(for: second))
        #expect(joined.contains("<h3>Toinen</h3>"))
        #expect(CardGroupContext(heading: nil, cards: []).field(named: "cardsHTML") as? String == "")
    }

    @Test func aCardMemoBuildsAndRendersEachCardOnce() throws {
        let renderer = try Self.renderer()
        let memo = CardMemo()
        let key = CardMemo.Key(path: "content/articles/a.fi.md", language: .fi, level: 2)
        var made = 0
        func make() -> CardContext {
            made += 1
            var card = Self.card
            card.level = 2
            card.renderer = renderer
            return card
        }
        let first = memo.card(key, make: make)
        let second = memo.card(key, make: make)
        #expect(made == 1)
        #expect(first.extras.html == "<li><h2>Kulttuuri &amp; hyvinvointi</h2><p>Lyhyesti &lt;b&gt;</p></li>")
        #expect(second.extras.html == first.extras.html)
        _ = memo.card(CardMemo.Key(path: key.path, language: .sv, level: 2), make: make)
        #expect(made == 2)
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
        item.termLinks = termLinks
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
        var renamed = item
        renamed.regions[0].label = "Nyland"
        #expect(renamed.field(named: "regionsHTML") as? String == "<li><a href=\"/fi/alueet/uusimaa/\">Nyland</a></li>")
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
