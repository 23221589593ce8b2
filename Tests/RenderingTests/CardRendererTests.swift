import Model
@testable import Rendering
import Testing

/// Cards are rendered once per distinct card and put into pages as HTML.
@Suite struct CardRendererTests {
    static func renderer() throws -> CardRenderer {
        var templates = TemplateSetTests.complete
        templates["card"] = "{{% CONTENT_TYPE: HTML_FAST }}<li><h{{.level}}>{{.title}}</h{{.level}}>{{#.summary}}<p>{{.}}</p>{{/.summary}}{{siteTitle}}</li>"
        let set = try #require(TemplateSet.compile(TemplateSetTests.theme(templates)).0)
        return CardRenderer(templates: set)
    }

    static let card = CardContext(title: "Kulttuuri & hyvinvointi", href: "/fi/a/", typeLabel: "Artikkeli", summary: "Lyhyesti <b>")

    @Test func rendersTheCardTemplateWithTheCardAlone() throws {
        let renderer = try Self.renderer()
        var card = Self.card
        card.renderer = renderer
        // The card is its own context: a name outside it (siteTitle) renders empty, escaping still applies.
        #expect(card.child(named: "html") as? String == "<li><h3>Kulttuuri &amp; hyvinvointi</h3><p>Lyhyesti &lt;b&gt;</p></li>")
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
}
