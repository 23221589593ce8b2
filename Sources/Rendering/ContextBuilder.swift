import Foundation
import Indexing
import Markdown
import Model
import Templates

/// Builds the view models templates see from the index: all formatting and all decisions about what
/// a page shows happen here, so templates stay logic-free.
struct ContextBuilder: Sendable {
    let index: SiteIndex
    let strings: [Language: UIStrings]
    let bodies: RenderedBodies
    let derived: DerivedLists
    /// This builder's cards, built and rendered once each.
    let cards: CardRenderer
    /// Renders each distinct term link of item pages once.
    let termLinks: TermLinkRenderer

    /// - Parameter derived: lists from an index with the same front matter (a body-only edit keeps
    ///   them: they depend on dates, terms and paths, never on bodies).
    init(
        index: SiteIndex, strings: [Language: UIStrings], bodies: RenderedBodies, templates: TemplateSet,
        termLinks: TermLinkRenderer, derived: DerivedLists? = nil
    ) {
        self.index = index
        self.cards = CardRenderer(templates: templates)
        self.termLinks = termLinks
        self.strings = strings
        self.bodies = bodies
        self.derived = derived ?? DerivedLists(index: index)
    }

    func t(_ language: Language) -> UIStrings { strings[language]! }

    // MARK: - Shell

    func shell(
        _ language: Language, title: String?, path: String, translationPath: String?, fallbackPath: String,
        description: String?, kind: String, alternatesBothWays: Bool = true
    ) -> ShellContext {
        let strings = t(language)
        let siteTitle = index.config.title[language] ?? ""
        var alternates = [AlternateContext(hreflang: language.tag, href: index.config.absoluteURL(path))]
        if let translationPath {
            alternates.append(AlternateContext(hreflang: language.other.tag, href: index.config.absoluteURL(translationPath)))
            let finnish = language == .fi ? path : translationPath
            alternates.append(AlternateContext(hreflang: "x-default", href: index.config.absoluteURL(finnish)))
            alternates.sort { $0.hreflang < $1.hreflang }
        }
        let languageSwitch = LanguageSwitchContext(
            lang: language.other.tag, label: strings["other_language_label"],
            href: translationPath ?? fallbackPath, hasTranslation: translationPath != nil,
            // Said in the other language: it is for the reader who wants that language (`lang` is set).
            note: translationPath == nil ? t(language.other)["no_translation"] : nil)
        // In the order readers look for them: practices and events first.
        let sections = [ContentType.practice, .event, .article, .newsletter].map { type in
            let href = SitePaths.list(type, language)
            return LinkContext(title: strings.listName(type), href: href, current: path.hasPrefix(href))
        }
        let menu = (index.menu[language] ?? []).map { page in
            LinkContext(title: page.common.title, href: index.url(of: page), current: index.url(of: page) == path)
        }
        var shell = ShellContext(
            lang: language.tag, siteTitle: siteTitle, siteDescription: index.config.description[language],
            homeURL: SitePaths.home(language), pageTitle: title.map { "\($0) – \(siteTitle)" } ?? siteTitle,
            description: description ?? index.config.description[language],
            canonical: index.config.absoluteURL(path), alternates: alternates, languageSwitch: languageSwitch,
            sections: sections, menu: menu, strings: strings.table, kind: kind,
            feeds: [LinkContext(title: "\(siteTitle) (RSS)", href: SitePaths.feed(language))])
        shell.searchURL = SitePaths.search(language)
        shell.browseURL = SitePaths.browse(language)
        shell.footerSignup = SignupContext(index.config.newsletterSignup, language, id: "footer-signup")
        if let logo = index.config.logo, let alt = logo.alt[language] {
            shell.logo = SiteImageContext(logo.file, dark: logo.darkFile, alt: alt)
        }
        shell.favicon = index.config.icons.map(FaviconContext.init)
        shell.partners = index.config.partners.compactMap { PartnerContext($0, language) }
        shell.share = ShareContext(
            title: title ?? siteTitle, description: shell.description, url: shell.canonical, type: "website",
            locale: ShareContext.locale(language), alternateLocale: translationPath.map { _ in ShareContext.locale(language.other) },
            siteName: siteTitle)
        if let image = index.config.shareImage {
            sharePicture(&shell.share!, image, focus: .center, alt: index.config.shareImageAlt[language])
        }
        return shell
    }

    /// Puts the sign-up form in the page's content and takes it out of its footer.
    func withSignup(_ context: PageContext, _ language: Language) -> PageContext {
        var context = context
        context.signup = SignupContext(index.config.newsletterSignup, language, id: "signup")
        context.shell.footerSignup = nil
        return context
    }

    // MARK: - Cards

    func summary(of item: ContentItem) -> String? {
        if let summary = item.common.summary { return summary }
        guard let paragraph = bodies[item.path]?.firstParagraph, !paragraph.isEmpty else { return nil }
        return Self.truncate(paragraph, to: 200)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }

    static func truncate(_ text: String, to limit: Int) -> String {
        // Characters never outnumber bytes.
        guard text.utf8.count > limit else { return text }
        let cut = CharacterCounting.prefix(text, characters: limit)
        guard cut.utf8.count < text.utf8.count else { return text }
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimming(where: { $0.properties.isWhitespace || isPunctuation($0) }) + "…"
    }

    /// The item's card for pages in `language`, its title a heading of `level`.
    func card(_ item: ContentItem, in language: Language, level: Int = 3) -> CardContext {
        DependencyTracking.record(item.path)
        return cards.card(CardRenderer.Key(path: item.path, language: language, level: level)) {
            makeCard(item, in: language, level: level)
        }
    }

    /// A card changed by `adjust` before it is rendered (the browse page shows a practice's themes as its
    /// place). Not remembered: it is not the card other pages show.
    func card(
        _ item: ContentItem, in language: Language, level: Int, adjustedBy adjust: (inout CardContext) -> Void
    ) -> CardContext {
        DependencyTracking.record(item.path)
        var card = makeCard(item, in: language, level: level)
        adjust(&card)
        return cards.rendered(card)
    }

    private func makeCard(_ item: ContentItem, in language: Language, level: Int) -> CardContext {
        let strings = t(language)
        var card = CardContext(
            title: item.common.title, href: index.url(of: item), typeLabel: strings.typeName(item.type),
            dateText: item.common.date.map(LocalDateFormat.short), dateISO: item.common.date.map(LocalDateFormat.isoDate),
            summary: summary(of: item))
        if let event = item.event {
            card.eventWhen = LocalDateFormat.range(start: event.start, end: event.end, language)
            card.eventTypeLabel = strings.eventTypeName(event.eventType)
            card.eventTypeKey = event.eventType.rawValue
            card.place = event.location ?? (event.eventType.isOnline ? strings["online"] : nil)
            card.dateText = nil
        }
        if item.language != language {
            card.languageNote = strings["only_in_other_language"]
            card.lang = item.language.tag
        }
        card.picture = index.pictures.card(of: item)
        card.level = level
        return card
    }

    /// Puts the share variant of `source` in `share`: an absolute URL with its size.
    func sharePicture(_ share: inout ShareContext, _ source: String, focus: PictureFocus, alt: String?) {
        guard let variant = index.pictures.share(source, focus: focus) else { return }
        share.image = index.config.absoluteURL(variant.url)
        share.imageWidth = variant.width
        share.imageHeight = variant.height
        share.imageAlt = alt?.isEmpty == false ? alt : nil
    }

    // MARK: - Items

    func itemContext(_ item: ContentItem) -> ItemContext {
        DependencyTracking.record(item.path)
        let language = item.language
        let strings = t(language)
        let common = item.common
        var context = ItemContext(
            type: item.type.rawValue, typeLabel: strings.typeName(item.type),
            typeListURL: item.type.hasListPage ? SitePaths.list(item.type, language) : nil,
            title: common.title, html: bodies[item.path]?.html ?? "", summary: common.summary,
            dateText: common.date.map { LocalDateFormat.long($0, language) },
            dateISO: common.date.map(LocalDateFormat.isoDate),
            updatedText: common.updated.map { LocalDateFormat.long($0, language) },
            updatedISO: common.updated.map(LocalDateFormat.isoDate), author: common.author,
            regions: common.regions.compactMap { key in
                index.regions.term(key).map {
                    TermContext(key: key, label: $0.label[language] ?? key, href: SitePaths.term(.region, $0.slug(language), language))
                }
            },
            themes: common.themes.compactMap { key in
                index.themes.term(key).map {
                    TermContext(key: key, label: $0.label[language] ?? key, href: SitePaths.term(.theme, $0.slug(language), language))
                }
            },
            tags: common.tags.map { tag in
                let key = Slug.make(from: tag)
                return TermContext(key: key, label: tag, href: key.isEmpty ? nil : SitePaths.term(.tag, key, language))
            })
        context.related = relatedItems(item).map { card($0, in: language) }
        context.regionsHTML = termLinks.html(context.regions)
        context.themesHTML = termLinks.html(context.themes)
        context.tagsHTML = termLinks.html(context.tags)
        context.picture = index.pictures.lead(of: item)
        if common.draft {
            context.previewNote = strings["preview_draft"]
        } else if let date = common.date, date > index.now {
            context.previewNote = strings["preview_future"].replacingOccurrences(of: "{date}", with: LocalDateFormat.short(date))
        } else if let expires = common.expires, expires <= index.now {
            context.previewNote = strings["preview_expired"].replacingOccurrences(of: "{date}", with: LocalDateFormat.short(expires))
        }
        switch item.specific {
        case .practice(let practice): context.practice = practiceContext(practice, strings)
        case .event(let event):
            context.event = eventContext(event, language)
            context.event?.calendarURL = SitePaths.eventICS(itemPath: index.url(of: item), language)
        case .newsletter(let newsletter):
            context.newsletter = newsletterContext(newsletter, language)
            context.newsletter?.emailURL = index.url(of: item) + "email.html"
            context.newsletter?.textURL = index.url(of: item) + "email.txt"
        case .article, .page: break
        }
        if item.type == .event { context.dateText = nil }
        return context
    }

    /// Up to three items of the same language sharing the most themes, regions and tags.
    func relatedItems(_ item: ContentItem) -> [ContentItem] {
        derived.related(to: item)
    }

    func practiceContext(_ practice: PracticeMetadata, _ strings: UIStrings) -> PracticeContext {
        PracticeContext(
            municipalities: practice.municipalities.isEmpty ? nil : practice.municipalities.joined(separator: ", "),
            organisation: practice.organisation, period: practice.period,
            statusLabel: practice.status.map { strings["status_\($0.rawValue)"] }, funder: practice.funder,
            targetGroups: practice.targetGroups, contactName: practice.contact?.name,
            contactRole: practice.contact?.role, contactEmail: practice.contact?.email,
            links: practice.links.map { LinkContext(title: $0.title, href: $0.url) })
    }

    func eventContext(_ event: EventMetadata, _ language: Language) -> EventContext {
        let strings = t(language)
        return EventContext(
            typeKey: event.eventType.rawValue, typeLabel: strings.eventTypeName(event.eventType),
            when: LocalDateFormat.range(start: event.start, end: event.end, language),
            startISO: LocalDateFormat.isoDateTime(event.start), endISO: event.end.map(LocalDateFormat.isoDateTime),
            location: event.location, online: event.online, registration: event.registration,
            registrationOpen: EventTimeline.isRegistrationOpen(event, now: index.now),
            deadlineText: event.registrationDeadline.map {
                event.registrationDeadlineIsDate
                    ? LocalDateFormat.weekdayDate($0, language)
                    : "\(LocalDateFormat.weekdayDate($0, language)) \(language == .fi ? "klo" : "kl.") \(LocalDateFormat.time($0))"
            },
            recording: event.recording,
            materials: event.materials.map { LinkContext(title: $0.title, href: $0.url) },
            isPast: EventTimeline.isPast(event, now: index.now), calendarURL: "")
    }

    /// The items a newsletter issue presents, each in the issue's language where it has that version.
    func presentedItems(_ newsletter: NewsletterMetadata, _ language: Language) -> [ContentItem] {
        newsletter.items.compactMap { entry in
            guard let target = index.item(entry.id) else { return nil }
            return target.versions[language] ?? target.versions[language.other]
        }
    }

    func newsletterContext(_ newsletter: NewsletterMetadata, _ language: Language) -> NewsletterContext {
        let entries = presentedItems(newsletter, language).map { card($0, in: language) }
        return NewsletterContext(
            issue: newsletter.issue, subject: newsletter.subject, preheader: newsletter.preheader, entries: entries)
    }
}
