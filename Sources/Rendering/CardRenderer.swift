import Model
import Synchronization
import Templates

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
        key.extras = CardExtras()
        return cache.html("card", key: key, context: key)
    }
}

/// The cards one context builder has made, each with its HTML already rendered: an item's card is built
/// and rendered once per language and heading level, however many pages show it. Lives as long as the
/// builder, whose index and bodies decide every card, so it needs no invalidation.
final class CardMemo: Sendable {
    struct Key: Hashable, Sendable {
        var path: String
        var language: Language
        var level: Int
    }

    private let cards = Mutex<[Key: CardContext]>([:])

    /// The remembered card, or `make()`'s card rendered and remembered.
    func card(_ key: Key, make: () -> CardContext) -> CardContext {
        if let card = cards.withLock({ $0[key] }) { return card }
        var card = make()
        card.prerender()
        cards.withLock { $0[key] = card }
        return card
    }
}
