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

/// The not-found message of one language on the root's `/404.html`, with the way to that language's home.
public struct NotFoundContext: TemplateFields, Sendable {
    public var lang: String
    public var title: String
    public var text: String
    public var siteTitle: String
    public var homeLabel: String
    public var href: String

    public func field(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "title": title
        case "text": text
        case "siteTitle": siteTitle
        case "homeLabel": homeLabel
        case "href": href
        default: nil
        }
    }
}

/// One language on the root page that offers both: the site's name and the prompt in that language, and
/// the way in, named in that language ("Suomeksi", "På svenska").
public struct LanguageChoiceContext: TemplateFields, Sendable {
    public var lang: String
    public var siteTitle: String
    public var prompt: String
    public var label: String
    public var href: String
    /// What goes before this language's site name in the page title: nothing for the first, a dash after.
    public var titleSeparator: String

    public func field(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "prompt": prompt
        case "label": label
        case "href": href
        case "titleSeparator": titleSeparator
        default: nil
        }
    }
}

/// The whole context a page template renders: the shell and the one content part that page has.
public struct PageContext: TemplateFields, Sendable {
    public var shell: ShellContext
    public var item: ItemContext? = nil
    public var list: ListContext? = nil
    public var blocks: [HomeBlockContext]? = nil
    /// The root page's choice of language, one entry per language.
    public var languages: [LanguageChoiceContext]? = nil
    /// The root's not-found page: the message once per language.
    public var notFound: [NotFoundContext]? = nil
    /// schema.org JSON-LD for the page's head, already safe to place inside `<script>`.
    public var structuredData: String? = nil
    /// The terms of one kind with their counts, on a term index page.
    public var termIndex: TermIndexContext? = nil
    public var browse: BrowseContext? = nil
    public var search: SearchContext? = nil
    /// The newsletter sign-up form in the page's content (home and newsletter pages, when configured).
    public var signup: SignupContext? = nil

    public init(shell: ShellContext) {
        self.shell = shell
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "item": item.map(MustacheBox.init)
        case "list": list.map(MustacheBox.init)
        case "blocks": blocks
        case "languages": languages
        case "notFound": notFound
        case "structuredData": structuredData
        case "termIndex": termIndex.map(MustacheBox.init)
        case "browse": browse.map(MustacheBox.init)
        case "search": search.map(MustacheBox.init)
        case "signup": signup
        default: shell.child(named: name)
        }
    }
}

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

/// The knowledge bank's browse page.
public struct BrowseContext: TemplateFields, Sendable {
    public var types: [TermContext]
    public var regions: [TermContext]
    public var themes: [TermContext]
    public var tags: [TermContext]
    public var practicesByRegion: [RegionPracticesContext]
    public var dataURL: String

    public func field(named name: String) -> Any? {
        switch name {
        case "types": types
        case "regions": regions
        case "themes": themes
        case "tags": tags
        case "practicesByRegion": practicesByRegion
        case "dataURL": dataURL
        default: nil
        }
    }
}

/// The search page: where its index is, and the other language's.
public struct SearchContext: TemplateFields, Sendable {
    public var dataURL: String
    public var otherDataURL: String
    public var browseURL: String

    public func field(named name: String) -> Any? {
        switch name {
        case "dataURL": dataURL
        case "otherDataURL": otherDataURL
        case "browseURL": browseURL
        default: nil
        }
    }
}
