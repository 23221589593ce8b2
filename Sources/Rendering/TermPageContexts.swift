import Templates

/// The index page of all regions, themes or tags.
public struct TermIndexContext: TemplateFields, Sendable {
    public var heading: String
    public var intro: String?
    /// The terms with content, with their counts.
    public var terms: [TermContext]
    /// The terms with nothing yet (their pages exist, to follow): listed apart, marked as empty.
    public var emptyTerms: [TermContext] = []
    /// Links to the other two term indexes.
    public var otherIndexes: [LinkContext]

    public func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "intro": intro
        case "terms": terms
        case "emptyTerms": emptyTerms
        case "otherIndexes": otherIndexes
        default: nil
        }
    }
}

/// Good practices of one region, each with its themes: the browse page's listing without JavaScript.
public struct RegionPracticesContext: TemplateFields, Sendable {
    public var label: String
    public var href: String
    public var cards: [CardContext]

    public func field(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "cards": cards
        case "cardsHTML": cards.joinedHTML
        default: nil
        }
    }
}
