import Foundation

/// The site settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// Absolute base URL without a trailing slash, e.g. `https://yhteistuumin.example.fi`.
    public var baseURL: String
    public var title: [Language: String]
    public var description: [Language: String]
    /// Whether raw HTML in Markdown is passed through (off by default: it is dropped and reported).
    public var allowRawHTML: Bool
    public var newsletterSender: [Language: String]
    /// The placeholder a mailing tool replaces with the unsubscribe link.
    public var unsubscribePlaceholder: String
    /// The newsletter sign-up form; nil when `site.yml` sets none (then no page shows a form).
    public var newsletterSignup: NewsletterSignup? = nil
    /// The header's logo (`logo` in site.yml); nil: the header shows the site's title as text.
    public var logo: SiteLogo? = nil
    /// The favicon set (`favicon`); nil: pages name no icon.
    public var icons: SiteIcons? = nil
    /// Funders and partners for the footer's row (`partners`), in their order.
    public var partners: [SitePartner] = []

    /// Every file these settings name, once each, in a stable order: published with the site.
    public var siteFiles: [SiteFile] {
        var files: [SiteFile] = []
        var seen: Set<String> = []
        let named = [logo?.file, logo?.darkFile, icons?.svg, icons?.png, icons?.appleTouch] + partners.map(\.logo)
        for file in named.compactMap({ $0 }) where seen.insert(file.contentPath).inserted { files.append(file) }
        return files
    }
    /// The picture a shared link shows for pages without a picture of their own (`share_image`), as a
    /// content path (`content/pages/jakokuva.jpg`), with where it is written and its text per language.
    public var shareImage: String? = nil
    public var shareImageLocation: SourceLocation? = nil
    public var shareImageAlt: [Language: String] = [:]
    /// The formats pictures are offered in before the JPEG/PNG fallback, best first (`picture_formats`):
    /// AVIF (the smallest files, not yet in every browser) and WebP by default.
    public var pictureFormats: [PictureFormat] = [.avif, .webp]
    /// Where `picture_formats` is written, when it is.
    public var pictureFormatsLocation: SourceLocation? = nil

    public init(
        baseURL: String, title: [Language: String], description: [Language: String] = [:],
        allowRawHTML: Bool = false, newsletterSender: [Language: String] = [:],
        unsubscribePlaceholder: String = "{{unsubscribe}}"
    ) {
        self.baseURL = baseURL
        self.title = title
        self.description = description
        self.allowRawHTML = allowRawHTML
        self.newsletterSender = newsletterSender
        self.unsubscribePlaceholder = unsubscribePlaceholder
    }

    /// The absolute URL of a site path such as `/fi/artikkelit/x/`.
    public func absoluteURL(_ path: String) -> String { baseURL + path }

    /// The host of `baseURL`, for identifiers that must be the site's own (feed guids, calendar UIDs).
    public var host: String { Self.host(of: baseURL) }

    public static func host(of baseURL: String) -> String { URL(string: baseURL)?.host ?? "tietopankki" }
}
