import Model
import Templates

// The view models below are the whole contract between the build and the templates: templates see
// these fields and nothing else (documented in themes/default/README.md). Each answers the template's
// lookups through `child(named:)`, so rendering needs no reflection.

/// A link in a menu or list of links.
public struct LinkContext: TemplateFields, Sendable {
    public var title: String
    public var href: String
    public var current: Bool = false
    public var note: String? = nil
    /// Links were left out before this one (pagination shows a window of pages).
    public var gapBefore: Bool = false

    public func field(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "current": current
        case "note": note
        case "gapBefore": gapBefore
        default: nil
        }
    }
}

/// One `<link rel="alternate" hreflang>` of a page.
public struct AlternateContext: TemplateFields, Sendable {
    public var hreflang: String
    public var href: String

    public func field(named name: String) -> Any? {
        switch name {
        case "hreflang": hreflang
        case "href": href
        default: nil
        }
    }
}

/// The language switch: leads to the translation, or says there is none and leads to the other
/// language's section.
public struct LanguageSwitchContext: TemplateFields, Sendable {
    public var lang: String
    public var label: String
    public var href: String
    public var hasTranslation: Bool
    /// Said in the other language (the one `lang` names) when there is no translation: it is for readers of that
    /// language, and says that the link leads to their nearest page.
    public var note: String?

    public func field(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "label": label
        case "href": href
        case "hasTranslation": hasTranslation
        case "note": note
        default: nil
        }
    }
}

/// What a link to a page shows in Teams, e-mail or social media: Open Graph and Twitter card fields.
public struct ShareContext: TemplateFields, Sendable {
    public var title: String
    public var description: String?
    public var url: String
    /// `article` for items, `website` for the rest.
    public var type: String
    /// `fi_FI` or `sv_FI`, and the other when the page has a translation.
    public var locale: String
    public var alternateLocale: String?
    public var siteName: String
    /// An absolute URL (services fetch it from elsewhere), with its size and text.
    public var image: String? = nil
    public var imageWidth: Int? = nil
    public var imageHeight: Int? = nil
    public var imageAlt: String? = nil

    public func field(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "url": url
        case "type": type
        case "locale": locale
        case "alternateLocale": alternateLocale
        case "siteName": siteName
        case "image": image
        case "imageWidth": imageWidth
        case "imageHeight": imageHeight
        case "imageAlt": imageAlt
        // A large card when there is a picture to show.
        case "twitterCard": image == nil ? "summary" : "summary_large_image"
        default: nil
        }
    }

    static func locale(_ language: Language) -> String { language == .fi ? "fi_FI" : "sv_FI" }
}

/// What every page has: language, titles, canonical URL, alternates, menus, UI strings.
public struct ShellContext: TemplateFields, Sendable {
    public var lang: String
    public var siteTitle: String
    public var siteDescription: String?
    public var homeURL: String
    public var pageTitle: String
    public var description: String?
    public var canonical: String
    public var alternates: [AlternateContext]
    public var languageSwitch: LanguageSwitchContext
    /// Content sections (articles, practices, events, newsletters).
    public var sections: [LinkContext]
    /// Standing pages with `menu`, in order.
    public var menu: [LinkContext]
    public var strings: [String: String]
    /// The language of `lang` and `strings`: templates with its UI strings written in render the page.
    public var language: Language? { Language(rawValue: lang) }
    /// A short word naming the kind of page, for `<body class>`.
    public var kind: String
    /// Feeds announced in the head (`<link rel="alternate" type="application/rss+xml">`).
    public var feeds: [LinkContext]
    /// Scripts of the theme this page needs besides `site.js` (search, browse).
    public var scripts: [String] = []
    public var searchURL: String = ""
    public var browseURL: String = ""
    /// The footer's newsletter sign-up form; nil when none is configured, and on pages that show the
    /// form in their content (home, newsletter pages), so that a page never has two.
    public var footerSignup: SignupContext? = nil
    /// The header's logo (site.yml `logo`); nil: the header shows `siteTitle` as text.
    public var logo: SiteImageContext? = nil
    /// The favicon set (site.yml `favicon`), for the head; nil: none.
    public var favicon: FaviconContext? = nil
    /// The footer's row of funders and partners (site.yml `partners`), in their order.
    public var partners: [PartnerContext] = []
    /// What a link to the page shows when shared (Open Graph, Twitter cards).
    public var share: ShareContext? = nil
    /// The theme's `site-text-size`, `site-menu` and `site-footer` templates rendered for this shell, put
    /// in by `SiteRenderer` just before the page renders (`ShellFragments`); nil until then.
    public var textSizeHTML: String? = nil
    public var menuHTML: String? = nil
    public var footerHTML: String? = nil

    public func field(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "siteDescription": siteDescription
        case "homeURL": homeURL
        case "pageTitle": pageTitle
        case "description": description
        case "canonical": canonical
        case "alternates": alternates
        case "languageSwitch": languageSwitch
        case "sections": sections
        case "menu": menu
        case "t": UIStringsFields(table: strings)
        case "kind": kind
        case "isHome": kind == "home"
        case "isBrowse": kind == "browse"
        case "isSearch": kind == "search"
        case "feeds": feeds
        case "scripts": scripts
        case "searchURL": searchURL
        case "browseURL": browseURL
        case "footerSignup": footerSignup
        case "logo": logo
        case "favicon": favicon
        case "partners": partners
        case "hasPartners": !partners.isEmpty
        case "share": share
        case "textSizeHTML": textSizeHTML
        case "menuHTML": menuHTML
        case "footerHTML": footerHTML
        default: nil
        }
    }
}
