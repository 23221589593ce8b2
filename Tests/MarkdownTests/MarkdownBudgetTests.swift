import Model
@testable import Markdown
import Testing

/// cmark-gfm is quadratic in image openers (`![`) followed by links; a body over the budget is refused
/// with an error at its line instead of rendering for minutes.
@Suite struct MarkdownBudgetTests {
    func render(_ markdown: String) -> RenderedMarkdown {
        MarkdownRenderer(allowRawHTML: false, links: MarkdownRendererTests.links)
            .render(markdown, path: "content/articles/a.fi.md", firstLine: 5)
    }

    @Test func refusesMoreImageOpenersThanTheBudgetAtTheirLine() {
        let budget = MarkdownBudget.imageOpeners
        let within = render("Alku\n\n" + String(repeating: "![Kuva](https://example.fi/k.png) ", count: budget))
        #expect(within.diagnostics.filter(\.isError).isEmpty, "\(within.diagnostics)")
        let over = render("Alku\n\n" + String(repeating: "![[]()", count: budget) + "\n![Kuva](kuva.jpg)\n")
        let error = over.diagnostics.first
        #expect(error?.isError == true && error?.message.contains("more than \(budget) images") == true, "\(over.diagnostics)")
        #expect(error?.location == SourceLocation(path: "content/articles/a.fi.md", line: 8, column: 1))
        #expect(over.html.isEmpty)
    }

    /// The input from the issue: 160,000 × `![[]()` took over 120 s in cmark-gfm.
    @Test func theQuadraticInputIsRefusedAtOnce() {
        let result = render(String(repeating: "![[]()", count: 160_000))
        #expect(result.diagnostics.count == 1 && result.diagnostics[0].isError)
    }
}
