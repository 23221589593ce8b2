import Mustache

/// Links to the pages of a paginated list.
public struct PaginationContext: MustacheParent, Sendable {
    public var current: Int
    public var total: Int
    public var previous: String?
    public var next: String?
    public var pages: [LinkContext]

    public func child(named name: String) -> Any? {
        switch name {
        case "current": current
        case "total": total
        case "previous": previous
        case "next": next
        case "pages": pages
        default: nil
        }
    }
}

/// A list page: a heading, cards and pagination, optionally split in two groups (upcoming / past).
public struct ListContext: MustacheParent, Sendable {
    public var heading: String
    public var intro: String?
    public var cards: [CardContext]
    public var emptyText: String?
    public var pagination: PaginationContext?
    /// A link below the list, e.g. to the archive of past events.
    public var moreLink: LinkContext?

    public func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "intro": intro
        case "cards": cards
        case "emptyText": cards.isEmpty ? emptyText : nil
        case "pagination": (pagination?.total ?? 1) > 1 ? pagination : nil
        case "moreLink": moreLink
        default: nil
        }
    }
}

/// A block of the home page.
public struct HomeBlockContext: MustacheParent, Sendable {
    /// A stable id for the block's heading (`aria-labelledby`).
    public var id: String
    public var heading: String
    public var cards: [CardContext]
    public var more: LinkContext
    public var emptyText: String

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "heading": heading
        case "cards": cards
        case "more": more
        case "emptyText": cards.isEmpty ? emptyText : nil
        default: nil
        }
    }
}

/// The whole context a page template renders: the shell and the one content part that page has.
public struct PageContext: MustacheParent, Sendable {
    public var shell: ShellContext
    public var item: ItemContext? = nil
    public var list: ListContext? = nil
    public var blocks: [HomeBlockContext]? = nil
    public var languages: [LinkContext]? = nil

    public init(shell: ShellContext) {
        self.shell = shell
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "item": item
        case "list": list
        case "blocks": blocks
        case "languages": languages
        default: shell.child(named: name)
        }
    }
}
