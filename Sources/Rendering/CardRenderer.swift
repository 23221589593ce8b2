import Model
import Synchronization
import Templates

/// Renders the theme's `card` template into cards, like Hugo's `partialCached`: each item's card once
/// per language and heading level, however many pages show it.
///
/// An item's card appears on its list page, on every term page of its tags, regions and themes, on the
/// home page and beside related items. A card is rendered on its own (its context is the card and nothing
/// else, so a card template must not reach for names outside the card); templates put the result in with
/// `{{{.html}}}` or a list's `{{{.cardsHTML}}}`. One renderer belongs to one `ContextBuilder`, whose index
/// and bodies decide every card, so what it remembers cannot go out of date: a new index gets a new one.
final class CardRenderer: Sendable {
    /// Which card: the item's source path, the language of the page and the card title's heading level.
    struct Key: Hashable, Sendable {
        var path: String
        var language: Language
        var level: Int
    }

    private let templates: TemplateSet
    private let cards = Mutex<[Key: CardContext]>([:])

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The card remembered under `key`, or `make()`'s card rendered and remembered. A miss renders
    /// outside the lock, so two threads may render the same card once each but never wait on each other.
    func card(_ key: Key, make: () -> CardContext) -> CardContext {
        if let card = cards.withLock({ $0[key] }) { return card }
        let card = rendered(make())
        cards.withLock { $0[key] = card }
        return card
    }

    /// `card` with its `html` rendered from its fields as they are now, not remembered.
    func rendered(_ card: CardContext) -> CardContext {
        var card = card
        card.html = templates.has("card") ? templates.render(card, template: "card") : ""
        return card
    }
}
