import Foundation
import Indexing
import Markdown
import Model
import Templates

/// Renders the indexed site to output values: first every Markdown body (in parallel), then every page
/// job (in parallel) through the compiled templates. Pure: nothing here touches the disk.
public struct SiteRenderer: Sendable {
    public static let pageSize = 20
    static let homeBlockSize = 5

    public private(set) var index: SiteIndex
    private(set) var templates: TemplateSet
    var builder: ContextBuilder
    /// Renders the shell's language-wide parts once each, for every page's shell.
    private(set) var fragments: ShellFragments
    let markdown: MarkdownRenderer
    /// E-mails for a mailing tool carry its unsubscribe placeholder; the copies on the site link to the
    /// newsletter page instead (a placeholder is no URL, and the published HTML must validate).
    public var forMailing = false
    /// What the last search index of each language cut (`searchFiles`), shared by the copies of this renderer.
    let searchWarnings = SearchWarnings()

    static func markdownRenderer(for index: SiteIndex, assets: [ContentAsset], templates: TemplateSet) -> MarkdownRenderer {
        MarkdownRenderer(
            allowRawHTML: index.config.allowRawHTML,
            links: LinkResolver(
                urlBySourcePath: index.urlBySourcePath, unpublishedSourcePaths: index.unpublishedSourcePaths,
                assets: assets, pictureURLs: index.pictures.linkURLs),
            reservedIDs: ReservedIDs(attributeValues: templates.elementIDs),
            pictures: TemplatedBodyPictures(pictures: index.pictures, templates: templates))
    }

    /// Renders all Markdown bodies; diagnostics from them (broken links, raw HTML) come back with it.
    public static func renderBodies(
        of index: SiteIndex, assets: [ContentAsset], templates: TemplateSet
    ) -> ([String: RenderedMarkdown], [Diagnostic]) {
        let markdown = markdownRenderer(for: index, assets: assets, templates: templates)
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

    public init(
        index: SiteIndex, templates: TemplateSet, bodies: [String: RenderedMarkdown], assets: [ContentAsset] = []
    ) {
        self.index = index
        self.templates = templates
        self.markdown = Self.markdownRenderer(for: index, assets: assets, templates: templates)
        self.builder = Self.contextBuilder(index: index, templates: templates, bodies: RenderedBodies(bodies))
        self.fragments = ShellFragments(templates: templates)
    }

    /// A context builder for `templates`: their UI strings, and renderers of shared parts that start empty.
    static func contextBuilder(
        index: SiteIndex, templates: TemplateSet, bodies: RenderedBodies
    ) -> ContextBuilder {
        var strings: [Language: UIStrings] = [:]
        for language in Language.allCases { strings[language] = UIStrings(templates.strings[language] ?? [:]) }
        return ContextBuilder(
            index: index, strings: strings, bodies: bodies, templates: templates,
            termLinks: TermLinkRenderer(templates: templates))
    }

    /// Every page of the site, in a stable order.
    public func jobs() -> [PageJob] {
        var jobs: [PageJob] = [.root, .rootNotFound]
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
            for eventType in EventType.allCases {
                for page in 1...Self.pageCount(eventsOfType(eventType, language).count) {
                    jobs.append(.eventType(eventType, language, page: page))
                }
            }
            jobs.append(.eventCalendar(language))
            jobs += termJobs(language)
            jobs.append(.feed(language))
            for term in index.regions.terms { jobs.append(.termFeed(.region, term.key, language)) }
            for term in index.themes.terms { jobs.append(.termFeed(.theme, term.key, language)) }
        }
        jobs.append(.sitemap)
        jobs.append(.robots)
        for item in index.items {
            for language in Language.allCases where item.versions[language] != nil {
                jobs.append(.item(item.id, language))
                if item.id.type == .event { jobs.append(.eventICS(item.id, language)) }
                if item.id.type == .newsletter {
                    for format in EmailFormat.allCases { jobs.append(.newsletterEmail(item.id, language, format)) }
                }
            }
        }
        return jobs
    }

    static func pageCount(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// Renders every job in parallel, results in job order.
    public func renderAll() -> [OutputFile] {
        parallelMap(jobs()) { renderFiles($0) }.flatMap { $0 }
    }

    /// Renders one job and reports the items it displayed (content paths).
    public func renderTracked(_ job: PageJob) -> (files: [OutputFile], uses: Set<String>) {
        let recorder = DependencyRecorder()
        let files = DependencyTracking.$recorder.withValue(recorder) { renderFiles(job) }
        return (files, recorder.paths)
    }

    /// Every file of one job: one page, or a language's whole search index (its entry first).
    public func renderFiles(_ job: PageJob) -> [OutputFile] {
        if case .searchData(let language) = job { return searchFiles(language) }
        return [render(job)]
    }

    /// Warnings about items the search index could not take whole, from the indexes built so far.
    public var searchIndexWarnings: [Diagnostic] { searchWarnings.all }

    /// The template a page job renders with; nil for files written by code (feeds, calendars, JSON).
    public func templateName(for job: PageJob) -> String? {
        switch job {
        case .root: "root"
        case .rootNotFound: "root-notfound"
        case .home: "home"
        case .notFound: "notfound"
        case .list, .eventArchive, .eventType, .term: "list"
        case .termIndex: "terms"
        case .browse: "browse"
        case .search: "search"
        case .newsletterEmail(_, _, let format): format == .html ? "email" : nil
        case .item(let id, _): id.type.rawValue
        case .eventCalendar, .eventICS, .feed, .termFeed, .sitemap, .robots, .browseData, .searchData: nil
        }
    }

    /// Jobs that gather many items (feeds, calendars, the sitemap, the search and browse data): after a
    /// body edit the preview renders them again only when they are asked for.
    public static func isAggregate(_ job: PageJob) -> Bool {
        switch job {
        case .feed, .termFeed, .sitemap, .robots, .browseData, .searchData, .eventCalendar, .browse: true
        default: false
        }
    }

    /// The summary a card shows for an item: what a body edit can change on other pages.
    public func cardSummary(of item: ContentItem) -> String? { builder.summary(of: item) }

    /// Renders one Markdown body with this site's links, for incremental rebuilds.
    public func renderBody(_ item: ContentItem) -> RenderedMarkdown { markdown.render(item) }

    /// A renderer for the same site with another index and some bodies replaced. With `sameFrontMatter`
    /// (a body-only edit) the lists derived from dates and terms are kept rather than computed again;
    /// `displayEdits` (items whose title changed, nothing that orders them) are put in those kept lists.
    public func replacing(
        index: SiteIndex, bodies: [String: RenderedMarkdown], sameFrontMatter: Bool = false, displayEdits: [ContentItem] = []
    ) -> SiteRenderer {
        let merged = builder.bodies.replacing(bodies)
        var copy = self
        copy.index = index
        let derived = sameFrontMatter ? (displayEdits.isEmpty ? builder.derived : builder.derived.replacing(displayEdits)) : nil
        copy.builder = ContextBuilder(
            index: index, strings: builder.strings, bodies: merged, templates: templates, termLinks: builder.termLinks,
            derived: derived)
        return copy
    }

    /// The same site rendered with other templates.
    public func replacing(templates: TemplateSet) -> SiteRenderer {
        var copy = self
        copy.templates = templates
        copy.builder = Self.contextBuilder(index: index, templates: templates, bodies: builder.bodies)
        copy.fragments = ShellFragments(templates: templates)
        return copy
    }

    /// A renderer for the same site with some bodies replaced.
    public func replacingBodies(_ bodies: [String: RenderedMarkdown]) -> SiteRenderer {
        replacing(index: index, bodies: bodies)
    }

    public var bodies: RenderedBodies { builder.bodies }

    /// Renders one page.
    public func render(_ job: PageJob) -> OutputFile {
        switch job {
        case .root: return rootPage()
        case .rootNotFound: return rootNotFoundPage()
        case .home(let language): return homePage(language)
        case .notFound(let language): return notFoundPage(language)
        case .list(let type, let language, let page): return listPage(type, language, page: page)
        case .eventArchive(let language, let page): return archivePage(language, page: page)
        case .eventType(let type, let language, let page): return eventTypePage(type, language, page: page)
        case .eventCalendar(let language): return languageCalendar(language)
        case .eventICS(let id, let language):
            guard let item = index.item(id)?.versions[language] else { return notFoundPage(language) }
            return eventCalendar(item)
        case .feed(let language): return languageFeed(language)
        case .termFeed(let kind, let key, let language): return termFeed(kind, key, language)
        case .sitemap: return sitemap()
        case .termIndex(let kind, let language): return termIndexPage(kind, language)
        case .term(let kind, let key, let language, let page): return termPage(kind, key, language, page: page)
        case .browse(let language): return browsePage(language)
        case .browseData(let language): return browseData(language)
        case .search(let language): return searchPage(language)
        case .searchData(let language): return searchFiles(language)[0]
        case .newsletterEmail(let id, let language, let format):
            guard let item = index.item(id)?.versions[language] else { return notFoundPage(language) }
            return newsletterEmail(item, format)
        case .robots:
            return .text("robots.txt", SitemapWriter.robots(sitemapURL: index.config.absoluteURL(SitePaths.sitemap)))
        case .item(let id, let language):
            guard let item = index.item(id)?.versions[language] else { return notFoundPage(language) }
            return itemPage(item)
        }
    }

    /// Renders a page: its shell's shared parts first (`ShellFragments`), then the page's template.
    func output(_ path: String, _ context: PageContext, template: String) -> OutputFile {
        var context = context
        fragments.fill(&context.shell)
        return .text(SitePaths.outputFile(for: path), templates.render(context, template: template, strings: context.shell.language))
    }

    // MARK: - Pages

    func rootPage() -> OutputFile {
        var context = PageContext(shell: builder.shell(
            .fi, title: nil, path: "/", translationPath: nil, fallbackPath: SitePaths.home(.sv),
            description: nil, kind: "root"))
        context.shell.alternates = Language.allCases.map {
            AlternateContext(hreflang: $0.tag, href: index.config.absoluteURL(SitePaths.home($0)))
        } + [AlternateContext(hreflang: "x-default", href: index.config.absoluteURL("/"))]
        context.languages = rootLanguageLinks()
        return output("/", context, template: "root")
    }

    /// The root page's way into each language: the site's name and the prompt in that language, and a link
    /// named in it ("Suomeksi", "På svenska": the other language's switch label).
    func rootLanguageLinks() -> [LanguageChoiceContext] {
        Language.allCases.enumerated().map { position, language in
            LanguageChoiceContext(
                lang: language.tag, siteTitle: index.config.title[language] ?? language.nativeName,
                prompt: builder.t(language)["choose_language"],
                label: builder.t(language.other)["other_language_label"], href: SitePaths.home(language),
                titleSeparator: position == 0 ? "" : " – ")
        }
    }

    /// `/404.html`, for servers that look for a not-found page at the root (and requests outside `/fi/` and
    /// `/sv/`): the message in both languages, each with a link to its home page.
    func rootNotFoundPage() -> OutputFile {
        var context = PageContext(shell: builder.shell(
            .fi, title: nil, path: SitePaths.rootNotFound, translationPath: nil, fallbackPath: SitePaths.home(.sv),
            description: nil, kind: "notfound"))
        context.shell.alternates = []
        context.notFound = Language.allCases.map { language in
            let strings = builder.t(language)
            return NotFoundContext(
                lang: language.tag, title: strings["not_found_title"], text: strings["not_found_text"],
                siteTitle: index.config.title[language] ?? language.nativeName, homeLabel: strings["home"],
                href: SitePaths.home(language))
        }
        return output(SitePaths.rootNotFound, context, template: "root-notfound")
    }

    func homePage(_ language: Language) -> OutputFile {
        let path = SitePaths.home(language)
        let strings = builder.t(language)
        var context = PageContext(shell: builder.shell(
            language, title: nil, path: path, translationPath: SitePaths.home(language.other),
            fallbackPath: SitePaths.home(language.other), description: nil, kind: "home"))
        // The home pages' default is the root page that offers both languages (as in the sitemap).
        context.shell.alternates = context.shell.alternates.map { alternate in
            alternate.hreflang == "x-default" ? AlternateContext(hreflang: "x-default", href: index.config.absoluteURL("/")) : alternate
        }
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
        return output(path, builder.withSignup(context, language), template: "home")
    }

    func notFoundPage(_ language: Language) -> OutputFile {
        let strings = builder.t(language)
        let path = SitePaths.notFound(language)
        let context = PageContext(shell: builder.shell(
            language, title: strings["not_found_title"], path: path, translationPath: SitePaths.notFound(language.other),
            fallbackPath: SitePaths.home(language.other), description: nil, kind: "notfound"))
        return output(path, context, template: "notfound")
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
        context.shell.share?.type = "article"
        if let image = item.common.imagePath, context.shell.share != nil {
            builder.sharePicture(&context.shell.share!, image, focus: item.common.imageFocus, alt: item.common.imageAlt)
        }
        if let event = item.event {
            context.structuredData = StructuredData.event(
                item, event, url: index.config.absoluteURL(path), typeName: builder.t(language).eventTypeName(event.eventType))
        }
        return output(path, item.type == .newsletter ? builder.withSignup(context, language) : context, template: item.type.rawValue)
    }
}
