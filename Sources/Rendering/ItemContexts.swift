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
    /// The lists above as the theme's `term-link` template renders each term, one after another
    /// (`TermLinkRenderer`; empty for a theme without the template).
    public var regionsHTML: String = ""
    public var themesHTML: String = ""
    public var tagsHTML: String = ""

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
        case "regionsHTML": regionsHTML
        case "themesHTML": themesHTML
        case "tagsHTML": tagsHTML
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
