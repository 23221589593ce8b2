import Model

/// The site's URL layout in one place: every path the build writes or links to comes from here.
/// Paths start and end with `/` (pretty URLs: the file is `…/index.html`).
public enum SitePaths {
    /// The language's home page: `/fi/`.
    public static func home(_ language: Language) -> String { "/\(language.rawValue)/" }

    /// The localised word for "page" in paginated list URLs: `/fi/artikkelit/sivu/2/`.
    public static func pageWord(_ language: Language) -> String { language == .fi ? "sivu" : "sida" }

    /// A type's list page; page numbers from 1.
    public static func list(_ type: ContentType, _ language: Language, page: Int = 1) -> String {
        let base = "/\(language.rawValue)/\(type.sectionSegment(language) ?? "")/"
        return paginated(base, language, page: page)
    }

    /// The archive of past events.
    public static func eventArchive(_ language: Language) -> String {
        "/\(language.rawValue)/\(ContentType.event.sectionSegment(language)!)/\(language == .fi ? "arkisto" : "arkiv")/"
    }

    /// A page per event type: `/fi/tapahtumat/aamukahvit/`, `/sv/evenemang/morgonkaffe/`.
    public static func eventType(_ type: EventType, _ language: Language, page: Int = 1) -> String {
        let base = "/\(language.rawValue)/\(ContentType.event.sectionSegment(language)!)/\(eventTypeSegment(type, language))/"
        return paginated(base, language, page: page)
    }

    static func eventTypeSegment(_ type: EventType, _ language: Language) -> String {
        switch (type, language) {
        case (.morningCoffee, .fi): "aamukahvit"
        case (.morningCoffee, .sv): "morgonkaffe"
        case (.webinar, .fi): "webinaarit"
        case (.webinar, .sv): "webbinarier"
        case (.visit, .fi): "kuntavierailut"
        case (.visit, .sv): "kommunbesok"
        }
    }

    /// The file name of calendars: `kalenteri.ics` / `kalender.ics`.
    static func calendarFile(_ language: Language) -> String { language == .fi ? "kalenteri.ics" : "kalender.ics" }

    /// The language's calendar to subscribe to: `/fi/tapahtumat/kalenteri.ics`.
    public static func eventCalendar(_ language: Language) -> String {
        "/\(language.rawValue)/\(ContentType.event.sectionSegment(language)!)/\(calendarFile(language))"
    }

    /// One event's calendar file, beside its page: `/fi/tapahtumat/<slug>/kalenteri.ics`.
    public static func eventICS(itemPath: String, _ language: Language) -> String {
        itemPath + calendarFile(language)
    }

    /// The language's feed of everything new: `/fi/feed.xml`.
    public static func feed(_ language: Language) -> String { "/\(language.rawValue)/feed.xml" }

    /// A term's page from its slug in that language: `/fi/alueet/keski-suomi/`, `/sv/regioner/mellersta-finland/`.
    public static func term(_ kind: TermKind, _ slug: String, _ language: Language, page: Int = 1) -> String {
        paginated("/\(language.rawValue)/\(kind.segment(language))/\(slug)/", language, page: page)
    }

    /// The index of all terms of a kind: `/fi/alueet/`.
    public static func termIndex(_ kind: TermKind, _ language: Language) -> String {
        "/\(language.rawValue)/\(kind.segment(language))/"
    }

    static func browseSegment(_ language: Language) -> String { language == .fi ? "selaa" : "bladdra" }
    static func searchSegment(_ language: Language) -> String { language == .fi ? "haku" : "sok" }

    /// The knowledge bank's browse page (type × region × theme): `/fi/selaa/`.
    public static func browse(_ language: Language) -> String { "/\(language.rawValue)/\(browseSegment(language))/" }

    /// The data the browse page filters on the client: `/fi/selaa/index.json`.
    public static func browseData(_ language: Language) -> String { browse(language) + "index.json" }

    /// The search page: `/fi/haku/`, `/sv/sok/`.
    public static func search(_ language: Language) -> String { "/\(language.rawValue)/\(searchSegment(language))/" }

    /// The search index the search page loads: `/fi/haku/index.json`.
    public static func searchData(_ language: Language) -> String { search(language) + "index.json" }

    /// A vocabulary term's feed, beside its page.
    public static func termFeed(_ kind: TermKind, _ slug: String, _ language: Language) -> String {
        term(kind, slug, language) + "feed.xml"
    }

    public static let sitemap = "/sitemap.xml"
    public static let robots = "/robots.txt"

    /// Adds `sivu/N/` for pages after the first.
    public static func paginated(_ base: String, _ language: Language, page: Int) -> String {
        page <= 1 ? base : "\(base)\(pageWord(language))/\(page)/"
    }

    /// The language's not-found page (a file, so web servers can serve it for any missing path).
    public static func notFound(_ language: Language) -> String { "/\(language.rawValue)/404.html" }
    /// The not-found page at the root, in both languages.
    public static let rootNotFound = "/404.html"

    /// Slugs an item of `type` may not take because the section itself uses them (pagination, the event
    /// archive and type pages, calendars).
    public static func reservedItemSlugs(_ type: ContentType, _ language: Language) -> Set<String> {
        var reserved: Set<String> = [pageWord(language)]
        if type == .event {
            reserved.insert(language == .fi ? "arkisto" : "arkiv")
            for eventType in EventType.allCases { reserved.insert(eventTypeSegment(eventType, language)) }
        }
        return reserved
    }

    /// The path of an item, given its slug (or issue number for newsletters).
    public static func item(_ type: ContentType, _ language: Language, slug: String) -> String {
        if let section = type.sectionSegment(language) {
            return "/\(language.rawValue)/\(section)/\(slug)/"
        }
        return "/\(language.rawValue)/\(slug)/"
    }

    /// First path segments under `/fi/` or `/sv/` that the site itself uses; a page slug may not take one.
    public static func reservedSegments(_ language: Language) -> Set<String> {
        var reserved: Set<String> = ["assets", "media", "404.html", "feed.xml", "index.html"]
        for kind in TermKind.allCases { reserved.insert(kind.segment(language)) }
        reserved.insert(browseSegment(language))
        reserved.insert(searchSegment(language))
        for type in ContentType.allCases {
            if let section = type.sectionSegment(language) { reserved.insert(section) }
        }
        return reserved
    }

    /// The file inside the output folder for a site path: `/fi/x/` → `fi/x/index.html`.
    public static func outputFile(for path: String) -> String {
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}

/// The kinds of term an item can be classified by.
public enum TermKind: String, CaseIterable, Sendable, Hashable {
    case region
    case theme
    case tag

    /// The localised URL segment of the kind's section.
    public func segment(_ language: Language) -> String {
        switch (self, language) {
        case (.region, .fi): "alueet"
        case (.region, .sv): "regioner"
        case (.theme, .fi): "teemat"
        case (.theme, .sv): "teman"
        case (.tag, .fi): "avainsanat"
        case (.tag, .sv): "nyckelord"
        }
    }
}
