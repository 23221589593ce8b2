import Model
@testable import Markdown
import Testing

/// Heading ids: unique in the body, never one of the theme's own, and in the right element when raw
/// HTML is allowed.
@Suite struct HeadingIDTests {
    static let theme = ReservedIDs(attributeValues: ["main", "top", "related-heading", "block-{{id}}", "{{id}}"])

    func render(_ markdown: String, raw: Bool = false, reserved: ReservedIDs = theme) -> RenderedMarkdown {
        MarkdownRenderer(allowRawHTML: raw, links: MarkdownRendererTests.links, reservedIDs: reserved)
            .render(markdown, path: "content/articles/a.fi.md", firstLine: 5)
    }

    @Test func neverTakesAnIDTheThemeUses() {
        let result = render("## Main\n\n## Top\n\n## Related heading\n\n## Block tapahtumat\n\n## Main\n")
        #expect(result.headings.map(\.id) == ["main-2", "top-2", "related-heading-2", "h-block-tapahtumat", "main-3"])
        #expect(result.html.contains("<h2 id=\"main-2\">Main</h2>"))
    }

    @Test func keepsTheTextAsTheIDWhenNothingIsReserved() {
        #expect(render("## Main\n", reserved: .none).headings.map(\.id) == ["main"])
    }

    @Test func countsOnFromTheLastNumberGivenAndSkipsTakenOnes() {
        let result = render("## Sama 2\n\n## Sama\n\n## Sama\n\n## Sama\n\n## Sama 3\n")
        #expect(result.headings.map(\.id) == ["sama-2", "sama", "sama-3", "sama-4", "sama-3-2"])
        #expect(Set(result.headings.map(\.id)).count == result.headings.count)
    }

    /// With raw HTML allowed, the ids went into the n-th `<hN>` of the output, raw ones included: the raw
    /// heading took the Markdown heading's id and the Markdown heading the next one's.
    @Test func aRawHeadingKeepsItsOwnMarkupAndTheMarkdownHeadingsTheirIDs() {
        let html = render("<h2>Raaka</h2>\n\n## Eka\n\n<h3 class=\"x\">Raaka</h3>\n\n### Toka\n", raw: true).html
        #expect(html.contains("<h2>Raaka</h2>"), "\(html)")
        #expect(html.contains("<h2 id=\"eka\">Eka</h2>"), "\(html)")
        #expect(html.contains("<h3 class=\"x\">Raaka</h3>"), "\(html)")
        #expect(html.contains("<h3 id=\"toka\">Toka</h3>"), "\(html)")
    }

    /// A raw `<table>` (with attributes, so not wrapped) still closed a wrapper that was never opened.
    @Test func aRawTableIsLeftAsWrittenAndMarkdownTablesAreWrapped() {
        let html = render("<table class=\"oma\"><tr><td>x</td></tr></table>\n\n| a |\n|---|\n| b |\n", raw: true).html
        #expect(html.components(separatedBy: "<div").count == html.components(separatedBy: "</div>").count, "\(html)")
        #expect(html.hasPrefix("<table class=\"oma\"><tr><td>x</td></tr></table>\n"), "\(html)")
        #expect(html.contains("aria-label=\"Taulukko\">\n<table>"), "\(html)")
    }

    @Test func aTextThatLooksLikeTheMarkerIsKeptAsWritten() {
        let html = render("## Eka \u{1}h\u{1}\n\n<p>\u{1}h\u{1}</p>\n", raw: true).html
        #expect(html.contains("<h2 id=\"eka-h\">Eka \u{1}h\u{1}</h2>") || html.contains("<h2 id=\"eka\">Eka \u{1}h\u{1}</h2>"), "\(html)")
        #expect(html.contains("<p>\u{1}h\u{1}</p>"), "\(html)")
    }

    /// Trying `-2`, `-3`, … from the start for every identical heading was quadratic (20,000 × `## Sama`:
    /// 29.6 s); each heading now tries about one candidate.
    @Test func identicalHeadingsCostTheSameEach() {
        var walk = TreeWalk(path: "a.fi.md", firstLine: 1, allowRawHTML: false, links: MarkdownRendererTests.links, source: "")
        let ids = (0..<20_000).map { _ in walk.headingID(for: "Sama") }
        #expect(ids.first == "sama" && ids.last == "sama-20000")
        #expect(Set(ids).count == ids.count)
        #expect(walk.candidatesTried < 2 * ids.count, "\(walk.candidatesTried) candidates for \(ids.count) headings")
    }
}
