import Templates

/// An item as a line in a list: title, link, date, summary, and for events the time and type.
public struct CardContext: TemplateFields, Sendable, Hashable {
    // Every change to what the card shows drops HTML rendered for it before (see `prerender`).
    public var title: String { didSet { extras.html = nil } }
    public var href: String { didSet { extras.html = nil } }
    public var typeLabel: String { didSet { extras.html = nil } }
    public var dateText: String? { didSet { extras.html = nil } }
    public var dateISO: String? { didSet { extras.html = nil } }
    public var summary: String? { didSet { extras.html = nil } }
    public var eventWhen: String? = nil { didSet { extras.html = nil } }
    public var eventTypeLabel: String? = nil { didSet { extras.html = nil } }
    public var eventTypeKey: String? = nil { didSet { extras.html = nil } }
    public var place: String? = nil { didSet { extras.html = nil } }
    /// The item's thumbnail, cut to the card's shape.
    public var picture: PictureContext? = nil { didSet { extras.html = nil } }
    /// Set when the card stands for another language's version (a newsletter fallback).
    public var languageNote: String? = nil { didSet { extras.html = nil } }
    public var lang: String? = nil { didSet { extras.html = nil } }
    /// The heading level of the card's title, so headings nest on every page.
    public var level: Int = 3 { didSet { extras.html = nil } }
    /// Renders the card's `html` (once per distinct card); not part of what the card is.
    var renderer: CardRenderer? {
        get { extras.renderer }
        set { extras.renderer = newValue }
    }
    var extras = CardExtras()

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

    /// Renders the card's HTML now and keeps it with the card, so every page that shows this copy of the
    /// card takes the HTML as it is instead of looking the card up (a lookup hashes every field).
    mutating func prerender() {
        extras.html = renderer?.html(for: self)
    }

    /// Hashes the address and the heading level only: they tell cards apart, and hashing every text of
    /// the card (its summary above all) was most of what finding a rendered card cost. Equality still
    /// compares every field.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(href)
        hasher.combine(level)
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "html": extras.html ?? renderer?.html(for: self)
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
        for card in self { html += card.extras.html ?? card.renderer?.html(for: card) ?? "" }
        return html
    }
}

/// What a card carries besides what it shows: its renderer and its HTML once rendered. Every value equals
/// every other, so neither takes part in a card's identity.
struct CardExtras: Hashable, Sendable {
    var renderer: CardRenderer?
    var html: String?
    static func == (lhs: CardExtras, rhs: CardExtras) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

/// A vocabulary term or tag shown on an item.
public struct TermContext: TemplateFields, Sendable, Hashable {
    public var key: String
    public var label: String
    public var href: String?
    /// How many items the term has (on term indexes and the browse page).
    public var count: Int? = nil

    public func field(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "href": href
        case "count": count
        default: nil
        }
    }
}

/// The structured facts of a good practice.
public struct PracticeContext: TemplateFields, Sendable {
    public var municipalities: String?
    public var organisation: String?
    public var period: String?
    public var statusLabel: String?
    public var funder: String?
    public var targetGroups: [String]
    public var contactName: String?
    public var contactRole: String?
    public var contactEmail: String?
    public var links: [LinkContext]

    public var hasContact: Bool { contactName != nil || contactRole != nil || contactEmail != nil }

    public func field(named name: String) -> Any? {
        switch name {
        case "municipalities": municipalities
        case "organisation": organisation
        case "period": period
        case "statusLabel": statusLabel
        case "funder": funder
        case "targetGroups": targetGroups.isEmpty ? nil : targetGroups.joined(separator: ", ")
        case "hasContact": hasContact
        case "contactName": contactName
        case "contactRole": contactRole
        case "contactEmail": contactEmail
        case "links": links
        default: nil
        }
    }
}

/// An event's time, place and links, already decided against the build moment.
public struct EventContext: TemplateFields, Sendable {
    public var typeKey: String
    public var typeLabel: String
    public var when: String
    public var startISO: String
    public var endISO: String?
    public var location: String?
    public var online: String?
    public var registration: String?
    public var registrationOpen: Bool
    public var deadlineText: String?
    public var recording: String?
    public var materials: [LinkContext]
    public var isPast: Bool
    public var calendarURL: String

    public func field(named name: String) -> Any? {
        switch name {
        case "typeKey": typeKey
        case "typeLabel": typeLabel
        case "when": when
        case "startISO": startISO
        case "endISO": endISO
        case "location": location
        case "online": isPast ? nil : online
        case "registration": registration
        case "registrationOpen": registrationOpen
        case "registrationClosed": registration != nil && !registrationOpen
        case "deadlineText": deadlineText
        case "recording": isPast ? recording : nil
        case "materials": materials
        case "isPast": isPast
        case "calendarURL": calendarURL
        default: nil
        }
    }
}

/// A newsletter issue's own facts and the items it presents.
public struct NewsletterContext: TemplateFields, Sendable {
    public var issue: Int
    public var subject: String?
    public var preheader: String?
    public var entries: [CardContext]
    public var emailURL: String = ""
    public var textURL: String = ""

    public func field(named name: String) -> Any? {
        switch name {
        case "emailURL": emailURL
        case "textURL": textURL
        case "issue": issue
        case "subject": subject
        case "preheader": preheader
        case "entries": entries
        default: nil
        }
    }
}

/// A whole item page's content.
public struct ItemContext: TemplateFields, Sendable {
    public var type: String
    public var typeLabel: String
    public var typeListURL: String?
    public var title: String
    public var html: String
    public var summary: String?
    public var dateText: String?
    public var dateISO: String?
    public var updatedText: String?
    public var updatedISO: String?
    public var author: String?
    public var regions: [TermContext]
    public var themes: [TermContext]
    public var tags: [TermContext]
    public var practice: PracticeContext?
    public var event: EventContext?
    public var newsletter: NewsletterContext?
    /// A few items sharing the most themes, regions and tags.
    public var related: [CardContext] = []
    /// In a preview that shows unpublished items: why this one is not public yet.
    public var previewNote: String? = nil
    /// The lead picture, under the heading.
    public var picture: PictureContext? = nil
    /// Renders `regionsHTML`, `themesHTML` and `tagsHTML` with the theme's `term-link` template.
    var termLinks: TermLinkRenderer? = nil

    public func field(named name: String) -> Any? {
        switch name {
        case "type": type
        case "typeLabel": typeLabel
        case "typeListURL": typeListURL
        case "title": title
        case "html": html
        case "summary": summary
        case "dateText": dateText
        case "dateISO": dateISO
        case "updatedText": updatedText
        case "updatedISO": updatedISO
        case "author": author
        case "regions": regions
        case "themes": themes
        case "tags": tags
        case "regionsHTML": termLinks?.html(regions)
        case "themesHTML": termLinks?.html(themes)
        case "tagsHTML": termLinks?.html(tags)
        case "hasTerms": !(regions.isEmpty && themes.isEmpty && tags.isEmpty)
        case "hasMeta": dateText != nil || updatedText != nil || author != nil
        // Whether the author follows a date in the meta line (and so after a separator).
        case "metaBeforeAuthor": dateText != nil || updatedText != nil
        case "practice": practice.map(MustacheBox.init)
        case "event": event.map(MustacheBox.init)
        case "newsletter": newsletter.map(MustacheBox.init)
        case "related": related
        case "relatedHTML": related.joinedHTML
        case "previewNote": previewNote
        case "picture": picture
        case "isArticle": type == "article"
        case "isPage": type == "page"
        default: nil
        }
    }
}
