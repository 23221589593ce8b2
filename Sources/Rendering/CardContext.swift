import Templates

/// An item as a line in a list: title, link, date, summary, and for events the time and type.
public struct CardContext: TemplateFields, Sendable {
    public var title: String
    public var href: String
    public var typeLabel: String
    public var dateText: String?
    public var dateISO: String?
    public var summary: String?
    public var eventWhen: String? = nil
    public var eventTypeLabel: String? = nil
    public var eventTypeKey: String? = nil
    public var place: String? = nil
    /// The item's thumbnail, cut to the card's shape.
    public var picture: PictureContext? = nil
    /// Set when the card stands for another language's version (a newsletter fallback).
    public var languageNote: String? = nil
    public var lang: String? = nil
    /// The heading level of the card's title, so headings nest on every page.
    public var level: Int = 3
    /// The theme's `card` template rendered with this card, filled in by `CardRenderer` once the fields
    /// above are final (empty until then, and for a theme without the template).
    public var html: String = ""

    public init(
        title: String, href: String, typeLabel: String, dateText: String? = nil, dateISO: String? = nil,
        summary: String? = nil
    ) {
        self.title = title
        self.href = href
        self.typeLabel = typeLabel
        self.dateText = dateText
        self.dateISO = dateISO
        self.summary = summary
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "html": html
        case "title": title
        case "href": href
        case "typeLabel": typeLabel
        case "dateText": dateText
        case "dateISO": dateISO
        case "summary": summary
        case "eventWhen": eventWhen
        case "eventTypeLabel": eventTypeLabel
        case "eventTypeKey": eventTypeKey
        case "place": place
        case "picture": picture
        case "languageNote": languageNote
        case "lang": lang
        case "level": level
        default: nil
        }
    }
}

extension [CardContext] {
    /// The cards' HTML one after another: what `{{#cards}}{{{.html}}}{{/cards}}` gives, in one lookup
    /// instead of a section with a context and a lookup per card.
    var joinedHTML: String {
        var html = ""
        for card in self { html += card.html }
        return html
    }
}
