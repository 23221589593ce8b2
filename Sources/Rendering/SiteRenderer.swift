import Foundation
import Indexing
import Model

/// Renders the indexed site to output values: first every Markdown body (in parallel), then every page
/// job (in parallel) through the compiled templates. Pure: nothing here touches the disk.
public struct SiteRenderer: Sendable {
    public static let pageSize = 20
    static let homeBlockSize = 5

    let index: SiteIndex
    let templates: TemplateSet
    let builder: ContextBuilder

    /// Renders all Markdown bodies; diagnostics from them (broken links, raw HTML) come back with it.
    public static func renderBodies(
        of index: SiteIndex, assets: [ContentAsset]
    ) -> ([String: RenderedMarkdown], [Diagnostic]) {
        let markdown = MarkdownRenderer(
            allowRawHTML: index.config.allowRawHTML,
            links: LinkResolver(
                urlBySourcePath: index.urlBySourcePath, unpublishedSourcePaths: index.unpublishedSourcePaths,
                assets: assets))
        let versions = index.items.flatMap { item in Language.allCases.compactMap { item.versions[$0] } }
        let rendered = parallelMap(versions) { markdown.render($0) }
        var bodies: [String: RenderedMarkdown] = [:]
        bodies.reserveCapacity(rendered.count)
        var diagnostics: [Diagnostic] = []
        for (item, body) in zip(versions, rendered) {
            bodies[item.path] = body
            diagnostics += body.diagnostics
        }
        return (bodies, diagnostics)
    }

    public init(index: SiteIndex, templates: TemplateSet, bodies: [String: RenderedMarkdown]) {
        self.index = index
        self.templates = templates
        var strings: [Language: UIStrings] = [:]
        for language in Language.allCases { strings[language] = UIStrings(templates.strings[language] ?? [:]) }
        self.builder = ContextBuilder(index: index, strings: strings, bodies: bodies)
    }

    /// Every page of the site, in a stable order.
    public func jobs() -> [PageJob] {
        var jobs: [PageJob] = [.root]
        for language in Language.allCases {
            jobs.append(.home(language))
            jobs.append(.notFound(language))
            for type in ContentType.allCases where type.hasListPage {
                let count = type == .event ? index.upcomingEvents[language]?.count ?? 0 : index.list(type, language).count
                for page in 1...Self.pageCount(count) { jobs.append(.list(type, language, page: page)) }
            }
            for page in 1...Self.pageCount(index.pastEvents[language]?.count ?? 0) {
                jobs.append(.eventArchive(language, page: page))
            }
        }
        for item in index.items {
            for language in Language.allCases where item.versions[language] != nil {
                jobs.append(.item(item.id, language))
            }
        }
        return jobs
    }

    static func pageCount(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// Renders every job in parallel, results in job order.
    public func renderAll() -> [OutputFile] {
        parallelMap(jobs()) { render($0) }
    }

    /// Renders one page.
    public func render(_ job: PageJob) -> OutputFile {
        switch job {
        case .root: return rootPage()
        case .home(let language): return homePage(language)
        case .notFound(let language): return notFoundPage(language)
        case .list(let type, let language, let page): return listPage(type, language, page: page)
        case .eventArchive(let language, let page): return archivePage(language, page: page)
        case .item(let id, let language):
            guard let item = index.item(id)?.versions[language] else { return notFoundPage(language) }
            return itemPage(item)
        }
    }

    private func output(_ path: String, _ context: PageContext, template: String) -> OutputFile {
        .text(SitePaths.outputFile(for: path), templates.render(context, template: template))
    }

    // MARK: - Pages

    func rootPage() -> OutputFile {
        var context = PageContext(shell: builder.shell(
            .fi, title: nil, path: "/", translationPath: nil, fallbackPath: SitePaths.home(.sv),
            description: nil, kind: "root"))
        context.shell.alternates = Language.allCases.map {
            AlternateContext(hreflang: $0.tag, href: index.config.absoluteURL(SitePaths.home($0)))
        } + [AlternateContext(hreflang: "x-default", href: index.config.absoluteURL("/"))]
        context.languages = Language.allCases.map { language in
            LinkContext(
                title: index.config.title[language] ?? language.nativeName, href: SitePaths.home(language),
                note: language.tag)
        }
        return output("/", context, template: "root")
    }

    func homePage(_ language: Language) -> OutputFile {
        let path = SitePaths.home(language)
        let strings = builder.t(language)
        var context = PageContext(shell: builder.shell(
            language, title: nil, path: path, translationPath: SitePaths.home(language.other),
            fallbackPath: SitePaths.home(language.other), description: nil, kind: "home"))
        func block(_ heading: String, _ items: [ContentItem], _ more: String, _ moreURL: String) -> HomeBlockContext {
            HomeBlockContext(
                id: heading.replacingOccurrences(of: "_", with: "-"), heading: strings[heading], cards: items.prefix(Self.homeBlockSize).map { builder.card($0, in: language) },
                more: LinkContext(title: strings[more], href: moreURL), emptyText: strings["empty_list"])
        }
        context.blocks = [
            block("upcoming_events", index.upcomingEvents[language] ?? [], "all_events", SitePaths.list(.event, language)),
            block("latest_articles", index.list(.article, language), "all_articles", SitePaths.list(.article, language)),
            block("newest_practices", index.list(.practice, language), "all_practices", SitePaths.list(.practice, language)),
        ]
        if context.blocks?[0].cards.isEmpty == true { context.blocks?[0].emptyText = strings["no_upcoming"] }
        return output(path, context, template: "home")
    }

    func notFoundPage(_ language: Language) -> OutputFile {
        let strings = builder.t(language)
        let path = SitePaths.notFound(language)
        let context = PageContext(shell: builder.shell(
            language, title: strings["not_found_title"], path: path, translationPath: SitePaths.notFound(language.other),
            fallbackPath: SitePaths.home(language.other), description: nil, kind: "notfound"))
        return output(path, context, template: "notfound")
    }

    func listPage(_ type: ContentType, _ language: Language, page: Int) -> OutputFile {
        let strings = builder.t(language)
        let items = type == .event ? index.upcomingEvents[language] ?? [] : index.list(type, language)
        var list = paginatedList(
            heading: type == .event ? strings["upcoming_events"] : strings.listName(type), items: items,
            language: language, page: page, base: SitePaths.list(type, language))
        if type == .event {
            list.emptyText = strings["no_upcoming"]
            list.moreLink = LinkContext(title: strings["event_archive"], href: SitePaths.eventArchive(language))
        }
        let path = SitePaths.list(type, language, page: page)
        var context = PageContext(shell: builder.shell(
            language, title: pageTitle(strings.listName(type), page, strings), path: path,
            translationPath: SitePaths.list(type, language.other), fallbackPath: SitePaths.list(type, language.other),
            description: nil, kind: "list"))
        context.list = list
        return output(path, context, template: "list")
    }

    func archivePage(_ language: Language, page: Int) -> OutputFile {
        let strings = builder.t(language)
        let base = SitePaths.eventArchive(language)
        var list = paginatedList(
            heading: strings["past_events"], items: index.pastEvents[language] ?? [], language: language, page: page,
            base: base)
        list.moreLink = LinkContext(title: strings["upcoming_events"], href: SitePaths.list(.event, language))
        let path = SitePaths.paginated(base, language, page: page)
        var context = PageContext(shell: builder.shell(
            language, title: pageTitle(strings["event_archive"], page, strings), path: path,
            translationPath: SitePaths.eventArchive(language.other), fallbackPath: SitePaths.eventArchive(language.other),
            description: nil, kind: "list"))
        context.list = list
        return output(path, context, template: "list")
    }

    private func pageTitle(_ title: String, _ page: Int, _ strings: UIStrings) -> String {
        page > 1 ? "\(title) (\(strings["page_n"]) \(page))" : title
    }

    private func paginatedList(
        heading: String, items: [ContentItem], language: Language, page: Int, base: String
    ) -> ListContext {
        let total = Self.pageCount(items.count)
        let slice = items.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        let pages = (1...total).map { number in
            LinkContext(
                title: String(number), href: SitePaths.paginated(base, language, page: number), current: number == page)
        }
        let pagination = PaginationContext(
            current: page, total: total,
            previous: page > 1 ? SitePaths.paginated(base, language, page: page - 1) : nil,
            next: page < total ? SitePaths.paginated(base, language, page: page + 1) : nil, pages: pages)
        return ListContext(
            heading: heading, intro: nil, cards: slice.map { builder.card($0, in: language) },
            emptyText: builder.t(language)["empty_list"], pagination: pagination, moreLink: nil)
    }

    func itemPage(_ item: ContentItem) -> OutputFile {
        let language = item.language
        let path = index.url(of: item)
        let translation = index.translation(of: item)
        let fallback = item.type.hasListPage ? SitePaths.list(item.type, language.other) : SitePaths.home(language.other)
        var context = PageContext(shell: builder.shell(
            language, title: item.common.title, path: path, translationPath: translation.map { index.url(of: $0) },
            fallbackPath: fallback, description: builder.summary(of: item), kind: item.type.rawValue))
        context.item = builder.itemContext(item)
        return output(path, context, template: item.type.rawValue)
    }
}
