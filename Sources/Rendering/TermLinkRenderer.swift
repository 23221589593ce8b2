import Templates

/// The theme's `term-link` template rendered once per distinct term link, for the lists of regions,
/// themes and tags on item pages.
///
/// An item page showed each of its terms through a section with three lookups (`.href` twice and
/// `.label`), a sixth of all template lookups of a build, for links that are the same on every page that
/// has the term. Like cards, a term link is rendered with the term as its only context and remembered under
/// the whole term (key, label, address), so an edit that changes what it shows makes another key.
/// Item templates put a list in with `{{{regionsHTML}}}`, `{{{themesHTML}}}`, `{{{tagsHTML}}}`; a theme
/// without `term-link.mustache` gets empty lists there and can keep `{{#regions}}…{{/regions}}`.
final class TermLinkRenderer: Sendable {
    private let cache: RenderedTemplateCache<TermContext>

    init(templates: TemplateSet) {
        cache = RenderedTemplateCache(templates: templates)
    }

    /// The terms' links one after another.
    func html(_ terms: [TermContext]) -> String {
        var html = ""
        for term in terms { html += cache.html("term-link", key: term, context: term) }
        return html
    }
}
