import Model
import Templates

/// An image of the site's face (the logo, a partner's logo): its address, text alternative and size.
public struct SiteImageContext: TemplateFields, Sendable, Hashable {
    public var src: String
    /// Another file for the dark scheme (the header's logo only), or nil.
    public var darkSrc: String?
    public var alt: String
    public var width: String
    public var height: String

    init(_ file: SiteFile, dark: SiteFile? = nil, alt: String) {
        src = file.url
        darkSrc = dark?.url
        self.alt = alt
        let size = file.imageSize
        width = String(size.width)
        height = String(size.height)
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "src": src
        case "darkSrc": darkSrc
        case "alt": alt
        case "width": width
        case "height": height
        default: nil
        }
    }
}

/// The favicon set's addresses, for `<link rel="icon">` and `<link rel="apple-touch-icon">`.
public struct FaviconContext: TemplateFields, Sendable, Hashable {
    public var svg: String
    public var png: String
    public var appleTouch: String

    init(_ icons: SiteIcons) {
        svg = icons.svg.url
        png = icons.png.url
        appleTouch = icons.appleTouch.url
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "svg": svg
        case "png": png
        case "appleTouch": appleTouch
        default: nil
        }
    }
}

/// A funder or partner in the footer's row, in one language.
public struct PartnerContext: TemplateFields, Sendable, Hashable {
    public var name: String
    public var href: String
    public var logo: SiteImageContext?

    init?(_ partner: SitePartner, _ language: Language) {
        guard let name = partner.name[language], let href = partner.url[language] else { return nil }
        self.name = name
        self.href = href
        logo = partner.logo.map { SiteImageContext($0, alt: partner.alt[language] ?? name) }
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "logo": logo
        default: nil
        }
    }
}
