import Foundation
import Model

/// One item across its languages, with the URL each published language version lives at.
public struct IndexedItem: Sendable {
    public var id: ItemID
    public var versions: [Language: ContentItem]
    public var urls: [Language: String]

    /// The other language's version of `item`, if published.
    public func translation(of language: Language) -> ContentItem? { versions[language.other] }
}

/// The site as the renderers need it: published items with their URLs, per-language lists, the
/// menu and the event timeline, all decided once from the content and the build moment.
public struct SiteIndex: Sendable {
    public var config: SiteConfig
    public var regions: Vocabulary
    public var themes: Vocabulary
    /// The moment that decided what is published and which events are past.
    public var now: Date
    /// Every published item, ordered by id.
    public var items: [IndexedItem]
    /// Items per language and type, newest first.
    public var lists: [Language: [ContentType: [ContentItem]]]
    /// Standing pages in the main menu, by `menu` order.
    public var menu: [Language: [ContentItem]]
    /// Events not yet over, soonest first; and those over, newest first.
    public var upcomingEvents: [Language: [ContentItem]]
    public var pastEvents: [Language: [ContentItem]]
    /// Site path of every published content file, keyed by its path (`content/articles/x.fi.md`).
    public var urlBySourcePath: [String: String]
    /// Content files that exist but are not published in this build (drafts, future items).
    public var unpublishedSourcePaths: Set<String>
    /// Region, theme and tag pages per language, in display order.
    public var terms: [Language: [TermKind: [TermEntry]]] = [:]
    /// The pictures beside the content, read by the build before pages are rendered (`Imaging`).
    public var pictures = SitePictures()
    private var positionByID: [ItemID: Int]
    private var termPositions: [Language: [TermKind: [String: Int]]] = [:]

    init(
        config: SiteConfig, regions: Vocabulary, themes: Vocabulary, now: Date, items: [IndexedItem],
        lists: [Language: [ContentType: [ContentItem]]], menu: [Language: [ContentItem]],
        upcomingEvents: [Language: [ContentItem]], pastEvents: [Language: [ContentItem]],
        urlBySourcePath: [String: String], unpublishedSourcePaths: Set<String>
    ) {
        self.config = config
        self.regions = regions
        self.themes = themes
        self.now = now
        self.items = items
        self.lists = lists
        self.menu = menu
        self.upcomingEvents = upcomingEvents
        self.pastEvents = pastEvents
        self.urlBySourcePath = urlBySourcePath
        self.unpublishedSourcePaths = unpublishedSourcePaths
        var positions: [ItemID: Int] = [:]
        for (index, item) in items.enumerated() { positions[item.id] = index }
        self.positionByID = positions
    }

    public func item(_ id: ItemID) -> IndexedItem? { positionByID[id].map { items[$0] } }

    /// The same index with some item versions replaced by edited ones whose front matter is unchanged
    /// (only the body differs). Only the item records change: lists, menus and terms hold the same
    /// front matter, and pages read bodies through the item records or the rendered bodies.
    public func replacingItems(_ edited: [ContentItem]) -> SiteIndex {
        var copy = self
        for item in edited {
            guard let position = positionByID[item.id], copy.items[position].versions[item.language] != nil else { continue }
            copy.items[position].versions[item.language] = item
        }
        return copy
    }

    /// The same index with some item versions replaced by edited ones that differ from the indexed ones
    /// only in what pages display (the body and the title), not in anything that decides where an item
    /// stands: URL, dates, terms, menu place. Every copy is replaced — the item records, the lists, the
    /// menu, the event timeline and the term pages — each in place, at the position it already holds
    /// (every order is by date, menu number and id, never by title).
    public func replacingDisplayed(_ edited: [ContentItem]) -> SiteIndex {
        var copy = replacingItems(edited)
        func swap(_ list: inout [ContentItem], _ item: ContentItem) {
            if let position = list.firstIndex(where: { $0.path == item.path }) { list[position] = item }
        }
        for item in edited {
            let language = item.language
            if copy.lists[language]?[item.type] != nil { swap(&copy.lists[language]![item.type]!, item) }
            if copy.menu[language] != nil { swap(&copy.menu[language]!, item) }
            if item.type == .event {
                if copy.upcomingEvents[language] != nil { swap(&copy.upcomingEvents[language]!, item) }
                if copy.pastEvents[language] != nil { swap(&copy.pastEvents[language]!, item) }
            }
            for kind in TermKind.allCases {
                guard let entries = copy.terms[language]?[kind] else { continue }
                for (position, entry) in entries.enumerated() where entry.items.contains(where: { $0.path == item.path }) {
                    swap(&copy.terms[language]![kind]![position].items, item)
                }
            }
        }
        return copy
    }

    mutating func setTerms(_ terms: [Language: [TermKind: [TermEntry]]]) {
        self.terms = terms
        termPositions = terms.mapValues { byKind in
            byKind.mapValues { entries in
                Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    /// A term's page in a language.
    public func term(_ kind: TermKind, _ key: String, _ language: Language) -> TermEntry? {
        termPositions[language]?[kind]?[key].map { terms[language]![kind]![$0] }
    }

    public func terms(_ kind: TermKind, _ language: Language) -> [TermEntry] { terms[language]?[kind] ?? [] }

    /// The site path of a published item version.
    public func url(of item: ContentItem) -> String { urlBySourcePath[item.path] ?? "/" }

    /// The absolute URL of a published item version.
    public func absoluteURL(of item: ContentItem) -> String { config.absoluteURL(url(of: item)) }

    /// The published other-language version of `item`.
    public func translation(of item: ContentItem) -> ContentItem? {
        self.item(item.id)?.versions[item.language.other]
    }

    public func list(_ type: ContentType, _ language: Language) -> [ContentItem] {
        lists[language]?[type] ?? []
    }
}
