import Foundation
import Indexing
import Markdown
import Model
import Templates

/// The paginated lists: a type's items, the event archive and the events of each type.
extension SiteRenderer {
    func listPage(_ type: ContentType, _ language: Language, page: Int) -> OutputFile {
        let strings = builder.t(language)
        let items = type == .event ? index.upcomingEvents[language] ?? [] : index.list(type, language)
        var list = paginatedList(
            heading: type == .event ? strings["upcoming_events"] : strings.listName(type), items: items,
            language: language, page: page, base: SitePaths.list(type, language))
        if type == .event {
            list.emptyText = strings["no_upcoming"]
            list.subnav = eventTypeLinks(language, current: nil)
            list.moreLink = LinkContext(title: strings["event_archive"], href: SitePaths.eventArchive(language))
            list.calendarURL = SitePaths.eventCalendar(language)
        }
        let path = SitePaths.list(type, language, page: page)
        var context = PageContext(shell: builder.shell(
            language, title: pageTitle(strings.listName(type), page, strings), path: path,
            translationPath: counterpart(page, of: listCount(type, language.other)) { SitePaths.list(type, language.other, page: $0) },
            fallbackPath: SitePaths.list(type, language.other), description: nil, kind: "list"))
        context.list = list
        return output(path, type == .newsletter ? builder.withSignup(context, language) : context, template: "list")
    }

    /// Past events, newest first, under a heading per year.
    func archivePage(_ language: Language, page: Int) -> OutputFile {
        let strings = builder.t(language)
        let base = SitePaths.eventArchive(language)
        var list = paginatedList(
            heading: strings["past_events"], items: index.pastEvents[language] ?? [], language: language, page: page,
            base: base, group: { item in item.event.map { String(LocalDateFormat.fields($0.start).year) } })
        list.subnav = eventTypeLinks(language, current: nil)
        list.moreLink = LinkContext(title: strings["upcoming_events"], href: SitePaths.list(.event, language))
        let path = SitePaths.paginated(base, language, page: page)
        var context = PageContext(shell: builder.shell(
            language, title: pageTitle(strings["event_archive"], page, strings), path: path,
            translationPath: counterpart(page, of: index.pastEvents[language.other]?.count ?? 0) {
                SitePaths.paginated(SitePaths.eventArchive(language.other), language.other, page: $0)
            },
            fallbackPath: SitePaths.eventArchive(language.other), description: nil, kind: "list"))
        context.list = list
        return output(path, context, template: "list")
    }

    /// Upcoming events of a type first, soonest first, then past ones, newest first.
    func eventsOfType(_ type: EventType, _ language: Language) -> [ContentItem] {
        builder.derived.eventsByType[language]?[type] ?? []
    }

    func eventTypePage(_ type: EventType, _ language: Language, page: Int) -> OutputFile {
        let strings = builder.t(language)
        let heading = strings["event_type_list_\(type.rawValue)"]
        let now = index.now
        var list = paginatedList(
            heading: heading, items: eventsOfType(type, language), language: language, page: page,
            base: SitePaths.eventType(type, language),
            group: { item in
                guard let event = item.event else { return nil }
                return EventTimeline.isPast(event, now: now) ? strings["past"] : strings["upcoming"]
            })
        list.subnav = eventTypeLinks(language, current: type)
        list.calendarURL = SitePaths.eventCalendar(language)
        let path = SitePaths.eventType(type, language, page: page)
        var context = PageContext(shell: builder.shell(
            language, title: pageTitle(heading, page, strings), path: path,
            translationPath: counterpart(page, of: eventsOfType(type, language.other).count) {
                SitePaths.eventType(type, language.other, page: $0)
            },
            fallbackPath: SitePaths.eventType(type, language.other), description: nil, kind: "list"))
        context.list = list
        return output(path, context, template: "list")
    }

    /// The other language's page of a paginated list, when it has that many pages (else nil: the switch
    /// says there is no such page and leads to the other list's first page).
    func counterpart(_ page: Int, of count: Int, _ path: (Int) -> String) -> String? {
        page <= Self.pageCount(count) ? path(page) : nil
    }

    func listCount(_ type: ContentType, _ language: Language) -> Int {
        type == .event ? index.upcomingEvents[language]?.count ?? 0 : index.list(type, language).count
    }

    func eventTypeLinks(_ language: Language, current: EventType?) -> [LinkContext] {
        EventType.allCases.map { type in
            LinkContext(
                title: builder.t(language)["event_type_list_\(type.rawValue)"], href: SitePaths.eventType(type, language),
                current: type == current)
        }
    }

    func pageTitle(_ title: String, _ page: Int, _ strings: UIStrings) -> String {
        page > 1 ? "\(title) (\(strings["page_n"]) \(page))" : title
    }

    /// One page of a list, its cards optionally grouped under headings (consecutive items with the same
    /// group key share a heading).
    func paginatedList(
        heading: String, items: [ContentItem], language: Language, page: Int, base: String,
        group: ((ContentItem) -> String?)? = nil
    ) -> ListContext {
        let total = Self.pageCount(items.count)
        let slice = items.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        let pages = PaginationContext.pageNumbers(current: page, total: total).map { number, gapBefore in
            LinkContext(
                title: String(number), href: SitePaths.paginated(base, language, page: number), current: number == page,
                gapBefore: gapBefore)
        }
        let pagination = PaginationContext(
            current: page, total: total,
            previous: page > 1 ? SitePaths.paginated(base, language, page: page - 1) : nil,
            next: page < total ? SitePaths.paginated(base, language, page: page + 1) : nil, pages: pages)
        var groups: [CardGroupContext] = []
        for item in slice {
            let key = group?(item)
            let card = builder.card(item, in: language, level: group == nil ? 2 : 3)
            if let last = groups.last, last.heading == key {
                groups[groups.count - 1].cards.append(card)
            } else {
                groups.append(CardGroupContext(heading: key, cards: [card]))
            }
        }
        return ListContext(
            heading: heading, intro: nil, groups: groups, emptyText: builder.t(language)["empty_list"],
            pagination: pagination, moreLink: nil)
    }
}
