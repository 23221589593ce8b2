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
