import Templates

/// The theme's `term-link` template rendered for each term of the lists of regions, themes and tags on
/// item pages, with the term as its only context. Item templates put a list in with `{{{regionsHTML}}}`,
/// `{{{themesHTML}}}`, `{{{tagsHTML}}}`; a theme without `term-link.mustache` gets empty lists there and
/// can keep `{{#regions}}…{{/regions}}`. (Remembering each link's HTML saved 0.6 % of a 5,000-file
/// build's CPU, bench/results.md, so it is rendered each time.)
struct TermLinkRenderer: Sendable {
    let templates: TemplateSet

    /// The terms' links one after another.
    func html(_ terms: [TermContext]) -> String {
        guard templates.has("term-link") else { return "" }
        var html = ""
        for term in terms { html += templates.render(term, template: "term-link") }
        return html
    }
}
