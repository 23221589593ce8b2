import Templates

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
