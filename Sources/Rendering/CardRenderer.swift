/// The theme's `card` template rendered once per distinct card, like Hugo's `partialCached`.
///
/// An item's card appears on its list page, on every term page of its tags, regions and themes, on the
/// home page and beside related items: rendering it through Mustache each time was most of the work of
/// those pages. A card is rendered on its own (its context is the card and nothing else, so a card
/// template must not reach for names outside the card) and remembered under its whole context, so a
/// remembered card can never be out of date: an edit that changes anything a card shows makes another key.
/// Templates put the result in with `{{{.html}}}`.
final class CardRenderer: Sendable {
    private let cache: RenderedTemplateCache<CardContext>

    init(templates: TemplateSet) {
        cache = RenderedTemplateCache(templates: templates)
    }

    /// The card's HTML, rendered on first use.
    func html(for card: CardContext) -> String {
        var key = card
        key.renderer = nil
        return cache.html("card", key: key, context: key)
    }
}
