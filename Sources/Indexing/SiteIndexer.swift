import Foundation
import Model

/// What a build publishes, decided by the caller: the moment, and whether drafts and future-dated
/// items are shown (they are in the preview server).
public struct PublishingPolicy: Sendable {
    public var now: Date
    public var includeDrafts: Bool
    public var includeFuture: Bool

    public init(now: Date, includeDrafts: Bool = false, includeFuture: Bool = false) {
        self.now = now
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
    }

    public func publishes(_ item: ContentItem) -> Bool {
        if item.common.draft, !includeDrafts { return false }
        if let date = item.common.date, date > now, !includeFuture { return false }
        if let expires = item.common.expires, expires <= now, !includeDrafts { return false }
        return true
    }
}

/// Builds the `SiteIndex` from loaded content: a pure function of the content and the policy.
/// Reports slugs that collide with the site's own sections and two items claiming one URL.
public enum SiteIndexer {
    public static func index(_ content: SiteContent, policy: PublishingPolicy) -> (SiteIndex, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var published: [ContentItem] = []
        var unpublished: Set<String> = []
        for item in content.items {
            if policy.publishes(item) { published.append(item) } else { unpublished.insert(item.path) }
        }

        // URLs, checked for collisions in a stable order (by path) so the report is deterministic.
        var urlBySource: [String: String] = [:]
        var claimant: [String: ContentItem] = [:]
        var accepted: [ContentItem] = []
        for item in published.sorted(byKey: \.path, by: <) {
            let slug = slug(of: item)
            let reserved = item.type == .page
                ? SitePaths.reservedSegments(item.language) : SitePaths.reservedItemSlugs(item.type, item.language)
            if reserved.contains(slug) {
                diagnostics.append(.error(
                    item.location(ofKey: "slug"),
                    "the URL \(SitePaths.item(item.type, item.language, slug: slug)) is taken by the site itself",
                    hint: "give the page another 'slug'"))
                continue
            }
            guard !slug.isEmpty else {
                diagnostics.append(.error(
                    item.location(ofKey: "title"), "the title gives no usable URL slug",
                    hint: "add 'slug: …' with a–z, 0–9 and '-'"))
                continue
            }
            let url = SitePaths.item(item.type, item.language, slug: slug)
            if let other = claimant[url] {
                diagnostics.append(Diagnostic(
                    .error, item.location(ofKey: item.common.slug == nil ? "title" : "slug"),
                    "\(url) is claimed by two items: this file and \(other.path)",
                    hints: ["give one of them another 'slug' (or title)"]))
                continue
            }
            claimant[url] = item
            urlBySource[item.path] = url
            accepted.append(item)
        }

        var grouped: [ItemID: [Language: ContentItem]] = [:]
        for item in accepted { grouped[item.id, default: [:]][item.language] = item }
        let indexedItems = grouped.keys.sorted().map { id in
            let versions = grouped[id]!
            return IndexedItem(
                id: id, versions: versions,
                urls: versions.mapValues { urlBySource[$0.path]! })
        }

        diagnostics += checkNewsletterItems(accepted, published: Set(grouped.keys), loaded: content.items)

        // Each language's lists and terms are independent of the other's: built on a core each.
        let acceptedItems = accepted
        let perLanguage = parallelMap(Language.allCases) { language in
            languageIndex(language, accepted: acceptedItems, content: content, now: policy.now)
        }
        var lists: [Language: [ContentType: [ContentItem]]] = [:]
        var menu: [Language: [ContentItem]] = [:]
        var upcoming: [Language: [ContentItem]] = [:]
        var past: [Language: [ContentItem]] = [:]
        var terms: [Language: [TermKind: [TermEntry]]] = [:]
        for (language, part) in zip(Language.allCases, perLanguage) {
            lists[language] = part.lists
            menu[language] = part.menu
            upcoming[language] = part.upcoming
            past[language] = part.past
            terms[language] = part.terms
            diagnostics += part.diagnostics
        }

        var index = SiteIndex(
            config: content.config, regions: content.regions, themes: content.themes, now: policy.now,
            items: indexedItems, lists: lists, menu: menu, upcomingEvents: upcoming, pastEvents: past,
            urlBySourcePath: urlBySource, unpublishedSourcePaths: unpublished)
        index.setTerms(terms)
        diagnostics += TermIndexer.checkTranslationPairs(indexedItems)
        return (index, diagnostics)
    }

    /// One language's part of the index.
    struct LanguageIndex: Sendable {
        var lists: [ContentType: [ContentItem]]
        var menu: [ContentItem]
        var upcoming: [ContentItem]
        var past: [ContentItem]
        var terms: [TermKind: [TermEntry]]
        var diagnostics: [Diagnostic]
    }

    static func languageIndex(
        _ language: Language, accepted: [ContentItem], content: SiteContent, now: Date
    ) -> LanguageIndex {
        let own = accepted.filter { $0.language == language }
        var byType: [ContentType: [ContentItem]] = Dictionary(uniqueKeysWithValues: ContentType.allCases.map { ($0, []) })
        for item in sortedNewestFirst(own) { byType[item.type]!.append(item) }
        let menu = own.filter { $0.page?.menu != nil }.sorted { ($0.page!.menu!, $0.id) < ($1.page!.menu!, $1.id) }
        let split = EventTimeline.split(byType[.event] ?? [], now: now)
        let (terms, diagnostics) = TermIndexer.index(
            items: accepted, regions: content.regions, themes: content.themes, tagPairs: content.tagPairs,
            language: language)
        return LanguageIndex(
            lists: byType, menu: menu, upcoming: split.upcoming, past: split.past, terms: terms, diagnostics: diagnostics)
    }

    /// Every id a newsletter lists must name an item: an unknown id is an error at its line, an item
    /// that exists but is not published in this build is a warning (the issue shows it once published).
    static func checkNewsletterItems(
        _ items: [ContentItem], published: Set<ItemID>, loaded: [ContentItem]
    ) -> [Diagnostic] {
        let loadedIDs = Set(loaded.map(\.id))
        let knownIDs = loadedIDs.map(\.description)
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard let newsletter = item.newsletter else { continue }
            for entry in newsletter.items where !published.contains(entry.id) {
                let location = SourceLocation(path: item.path, line: entry.line, column: 1)
                if loadedIDs.contains(entry.id) {
                    diagnostics.append(.warning(location, "\(entry.id) is not published in this build and is left out"))
                } else {
                    let hint = Suggestion.nearest(to: entry.id.description, among: knownIDs).map { "did you mean \($0)?" }
                        ?? "ids are FOLDER/NAME of a content file without the language, e.g. articles/2020-10-21-petajavesi"
                    diagnostics.append(.error(location, "the newsletter item '\(entry.id)' matches no content", hint: hint))
                }
            }
        }
        return diagnostics
    }

    /// The last URL segment: the issue number for newsletters, else `slug` or one made from the title.
    public static func slug(of item: ContentItem) -> String {
        if let newsletter = item.newsletter { return String(newsletter.issue) }
        return item.common.slug ?? Slug.make(from: item.common.title)
    }

    /// Newest first; ties broken by id so the order never depends on the file system.
    public static func newestFirst(_ a: ContentItem, _ b: ContentItem) -> Bool {
        if a.sortDate != b.sortDate { return a.sortDate > b.sortDate }
        return a.id < b.id
    }

    /// `items` in the order of `newestFirst`, sorted by keys taken once per item.
    public static func sortedNewestFirst(_ items: [ContentItem]) -> [ContentItem] {
        items.sorted(byKey: { ($0.sortDate, $0.id) }, by: { a, b in a.0 != b.0 ? a.0 > b.0 : a.1 < b.1 })
    }
}
