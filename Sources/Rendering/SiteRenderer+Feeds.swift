import Foundation
import Indexing
import Model

/// Feeds and the sitemap. Both list only items that are published for real — never drafts or future
/// items, even in a preview build that shows them.
extension SiteRenderer {
    /// The feed-worthy items of a language (not standing pages), strictly published, newest first.
    func feedItems(_ language: Language) -> [ContentItem] {
        builder.derived.feedItems[language] ?? []
    }

    func feedEntry(_ item: ContentItem, host: String) -> FeedWriter.Entry {
        DependencyTracking.record(item.path)
        let strings = builder.t(item.language)
        return FeedWriter.Entry(
            guid: "\(host)/\(item.id)/\(item.language.rawValue)", title: item.common.title,
            url: index.absoluteURL(of: item), date: item.sortDate, summary: builder.summary(of: item),
            html: builder.bodies[item.path]?.html ?? "",
            categories: [strings.typeName(item.type)] + item.common.themes.compactMap {
                index.themes.term($0)?.label[item.language]
            })
    }

    func languageFeed(_ language: Language) -> OutputFile {
        let writer = FeedWriter(baseURL: index.config.baseURL, now: index.now)
        let title = index.config.title[language] ?? ""
        let xml = writer.feed(
            title: title, description: index.config.description[language] ?? title,
            pageURL: index.config.absoluteURL(SitePaths.home(language)),
            selfURL: index.config.absoluteURL(SitePaths.feed(language)), language: language,
            entries: feedItems(language).prefix(FeedWriter.limit).map { [host = index.config.host] in feedEntry($0, host: host) })
        return .text(SitePaths.outputFile(for: SitePaths.feed(language)), xml)
    }

    func termFeed(_ kind: TermKind, _ key: String, _ language: Language) -> OutputFile {
        let writer = FeedWriter(baseURL: index.config.baseURL, now: index.now)
        let vocabulary = kind == .region ? index.regions : index.themes
        let label = vocabulary.term(key)?.label[language] ?? key
        let slug = vocabulary.term(key)?.slug(language) ?? key
        // The newest items of the term: the language's items are walked by index (no copy of each item)
        // and only until the feed is full.
        let all = feedItems(language)
        var items: [ContentItem] = []
        for index in all.indices where (kind == .region ? all[index].common.regions : all[index].common.themes).contains(key) {
            items.append(all[index])
            if items.count == FeedWriter.limit { break }
        }
        let siteTitle = index.config.title[language] ?? ""
        let xml = writer.feed(
            title: "\(siteTitle): \(label)",
            description: vocabulary.term(key)?.description[language] ?? "\(siteTitle): \(label)",
            pageURL: index.config.absoluteURL(SitePaths.term(kind, slug, language)),
            selfURL: index.config.absoluteURL(SitePaths.termFeed(kind, slug, language)), language: language,
            entries: items.map { [host = index.config.host] in feedEntry($0, host: host) }, fullContent: false)
        return .text(SitePaths.outputFile(for: SitePaths.termFeed(kind, slug, language)), xml)
    }

    // MARK: - Sitemap

    /// The site path of an HTML page job, nil for other files and for pages left out of the sitemap.
    func sitemapPath(_ job: PageJob) -> String? {
        switch job {
        case .root: return "/"
        case .home(let language): return SitePaths.home(language)
        case .list(let type, let language, let page): return SitePaths.list(type, language, page: page)
        case .eventArchive(let language, let page):
            return SitePaths.paginated(SitePaths.eventArchive(language), language, page: page)
        case .eventType(let type, let language, let page): return SitePaths.eventType(type, language, page: page)
        case .item(let id, let language):
            guard let item = index.item(id)?.versions[language], PublishingPolicy(now: index.now).publishes(item)
            else { return nil }
            return index.url(of: item)
        case .termIndex(let kind, let language): return SitePaths.termIndex(kind, language)
        case .term(let kind, let key, let language, let page):
            // A tag page exists in a preview build even when only drafts carry the tag; it is not announced.
            if kind == .tag, !(index.term(kind, key, language)?.items.contains(where: PublishingPolicy(now: index.now).publishes) ?? false) {
                return nil
            }
            return index.term(kind, key, language).map { SitePaths.term(kind, $0.slug, language, page: page) }
        case .browse(let language): return SitePaths.browse(language)
        case .search(let language): return SitePaths.search(language)
        case .notFound, .rootNotFound, .eventCalendar, .eventICS, .feed, .termFeed, .sitemap, .robots, .newsletterEmail,
             .browseData, .searchData:
            return nil
        }
    }

    /// The same page in the other language.
    func counterpart(_ job: PageJob) -> PageJob? {
        switch job {
        case .home(let language): return .home(language.other)
        case .list(let type, let language, let page): return .list(type, language.other, page: page)
        case .eventArchive(let language, let page): return .eventArchive(language.other, page: page)
        case .eventType(let type, let language, let page): return .eventType(type, language.other, page: page)
        case .item(let id, let language): return .item(id, language.other)
        case .termIndex(let kind, let language): return .termIndex(kind, language.other)
        case .term(let kind, let key, let language, let page):
            return index.term(kind, key, language)?.translationKey.map { .term(kind, $0, language.other, page: page) }
        case .browse(let language): return .browse(language.other)
        case .search(let language): return .search(language.other)
        default: return nil
        }
    }

    /// When the page last changed: the item's `updated` or `date`; for lists the newest item they show.
    func lastModified(_ job: PageJob) -> Date? {
        func newest(_ items: [ContentItem]) -> Date? {
            items.compactMap { $0.common.updated ?? $0.common.date }.filter { $0 <= index.now }.max()
        }
        switch job {
        case .item(let id, let language):
            guard let item = index.item(id)?.versions[language] else { return nil }
            return item.common.updated ?? item.common.date
        case .list(let type, let language, _): return newest(index.list(type, language))
        case .eventArchive(let language, _), .eventType(_, let language, _): return newest(index.list(.event, language))
        case .home(let language): return newest(feedItems(language))
        case .term(let kind, let key, let language, _): return newest(index.term(kind, key, language)?.items ?? [])
        case .root: return newest(feedItems(.fi) + feedItems(.sv))
        default: return nil
        }
    }

    /// The job whose `lastModified` every page of the same list shares (its first page; the event
    /// archive for every event list, since all of them draw on the language's events).
    func listKey(_ job: PageJob) -> PageJob {
        switch job {
        case .list(let type, let language, _): .list(type, language, page: 1)
        case .eventArchive(let language, _), .eventType(_, let language, _): .eventArchive(language, page: 1)
        case .term(let kind, let key, let language, _): .term(kind, key, language, page: 1)
        default: job
        }
    }

    func sitemap() -> OutputFile {
        let jobs = jobs()
        // Each list's newest date is found once, not once per page of the list.
        var newest: [PageJob: Date?] = [:]
        func modified(_ job: PageJob) -> Date? {
            if case .item = job { return lastModified(job) }
            let key = listKey(job)
            if let known = newest[key] { return known }
            let date = lastModified(key)
            newest[key] = date
            return date
        }
        var paths: [PageJob: String] = [:]
        for job in jobs { if let path = sitemapPath(job) { paths[job] = path } }
        let entries: [SitemapWriter.Entry] = jobs.compactMap { job in
            guard let path = paths[job] else { return nil }
            var alternates: [(hreflang: String, url: String)] = []
            if job == .root {
                alternates = Language.allCases.map { ($0.tag, index.config.absoluteURL(SitePaths.home($0))) }
                alternates.append(("x-default", index.config.absoluteURL("/")))
            } else if let other = counterpart(job), let otherPath = paths[other], let language = Self.language(of: job) {
                alternates = [(language.tag, index.config.absoluteURL(path)), (language.other.tag, index.config.absoluteURL(otherPath))]
                    .sorted { $0.0 < $1.0 }
                let home = if case .home = job { true } else { false }
                let fallback = home ? "/" : (language == .fi ? path : otherPath)
                alternates.append(("x-default", index.config.absoluteURL(fallback)))
            }
            return SitemapWriter.Entry(
                url: index.config.absoluteURL(path), lastModified: modified(job), alternates: alternates)
        }
        return .text("sitemap.xml", SitemapWriter.sitemap(entries))
    }

    static func language(of job: PageJob) -> Language? {
        switch job {
        case .home(let language), .list(_, let language, _), .eventArchive(let language, _), .eventType(_, let language, _),
             .item(_, let language), .notFound(let language), .eventCalendar(let language), .eventICS(_, let language),
             .feed(let language), .termFeed(_, _, let language), .newsletterEmail(_, let language, _),
             .termIndex(_, let language), .term(_, _, let language, _), .browse(let language), .browseData(let language),
             .search(let language), .searchData(let language):
            return language
        case .root, .rootNotFound, .sitemap, .robots:
            return nil
        }
    }
}
