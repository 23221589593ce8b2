import Templates

/// Links to the pages of a paginated list.
public struct PaginationContext: TemplateFields, Sendable {
    public var current: Int
    public var total: Int
    public var previous: String?
    public var next: String?
    public var pages: [LinkContext]

    public func field(named name: String) -> Any? {
        switch name {
        case "current": current
        case "total": total
        case "previous": previous
        case "next": next
        case "pages": pages
        default: nil
        }
    }

    /// The pages a list page links to: the first and the last, and `reach` pages on each side of the
    /// current one, each with whether pages were left out before it. A gap of a single page shows that
    /// page instead. Linking every page made a list of n pages carry n links on each page (n² in all):
    /// 300 links a page for 6,000 articles, and as many stops for a keyboard.
    public static func pageNumbers(current: Int, total: Int, reach: Int = 2) -> [(number: Int, gapBefore: Bool)] {
        guard total > 1 else { return [(1, false)] }
        let window = max(1, current - reach)...min(total, current + reach)
        let shown = Set([1, total]).union(window).sorted()
        var numbers: [(number: Int, gapBefore: Bool)] = []
        var previous = 0
        for number in shown {
            if number == previous + 2 { numbers.append((previous + 1, false)) }
            numbers.append((number, number > previous + 2))
            previous = number
        }
        return numbers
    }
}

/// Cards under one optional heading: a year of the event archive, "upcoming" on a type page.
public struct CardGroupContext: TemplateFields, Sendable {
    public var heading: String?
    public var cards: [CardContext]

    public func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "cards": cards
        case "cardsHTML": cards.joinedHTML
        default: nil
        }
    }
}

/// A list page: a heading, groups of cards and pagination, with optional links around the list.
public struct ListContext: TemplateFields, Sendable {
    public var heading: String
    public var intro: String?
    public var groups: [CardGroupContext]
    public var emptyText: String?
    public var pagination: PaginationContext?
    /// Links to related lists shown above the cards (the event types).
    public var subnav: [LinkContext] = []
    /// A link below the list, e.g. to the archive of past events.
    public var moreLink: LinkContext?
    /// A calendar to subscribe to, on event lists.
    public var calendarURL: String?
    /// Items per type, on term pages.
    public var counts: [TermContext] = []
    /// The term's own feed, on term pages.
    public var feedURL: String?

    public var isEmpty: Bool { groups.allSatisfy(\.cards.isEmpty) }

    public func field(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "intro": intro
        case "groups": groups.filter { !$0.cards.isEmpty }
        case "emptyText": isEmpty ? emptyText : nil
        case "pagination": (pagination?.total ?? 1) > 1 ? pagination : nil
        case "subnav": subnav
        case "moreLink": moreLink
        case "calendarURL": calendarURL
        case "counts": counts
        case "feedURL": feedURL
        default: nil
        }
    }
}

/// A block of the home page.
public struct HomeBlockContext: TemplateFields, Sendable {
    /// A stable id for the block's heading (`aria-labelledby`).
    public var id: String
    public var heading: String
    public var cards: [CardContext]
    public var more: LinkContext
    public var emptyText: String

    public func field(named name: String) -> Any? {
        switch name {
        case "id": id
        case "heading": heading
        case "cards": cards
        case "cardsHTML": cards.joinedHTML
        case "more": more
        case "emptyText": cards.isEmpty ? emptyText : nil
        default: nil
        }
    }
}
