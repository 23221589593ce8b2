import Foundation
import Model

/// Writes `sitemap.xml` (with `xhtml:link` hreflang alternates) and `robots.txt`.
public enum SitemapWriter {
    /// One page of the sitemap.
    public struct Entry: Sendable {
        public var url: String
        public var lastModified: Date?
        /// hreflang → absolute URL, the page itself included, x-default last.
        public var alternates: [(hreflang: String, url: String)]
    }

    public static func sitemap(_ entries: [Entry]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for entry in entries {
            xml += "<url>\n<loc>\(FeedWriter.escape(entry.url))</loc>\n"
            if let date = entry.lastModified { xml += "<lastmod>\(LocalDateFormat.isoDate(date))</lastmod>\n" }
            for alternate in entry.alternates {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(alternate.hreflang)\" href=\"\(FeedWriter.escape(alternate.url))\"/>\n"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    public static func robots(sitemapURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(sitemapURL)\n"
    }
}
