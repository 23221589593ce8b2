import Building
import Foundation
import Inspection
import TestSupport
import Testing

/// Nothing an editor writes reaches a page as markup: `<script>` in titles and raw HTML in bodies are
/// escaped or dropped, on every page of the fixture site.
@Suite struct EscapingTests {
    @Test func contentNeverBecomesMarkup() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try site.write("content/articles/2026-07-01-xss.fi.md", """
            ---
            title: "<script>alert('otsikko')</script> & \\"lainaus\\""
            date: 2026-07-01
            summary: "<img src=x onerror=alert(1)>"
            tags: ["<b>tagi</b>"]
            ---
            Teksti <script>alert('body')</script> ja <iframe src="https://example.fi"></iframe>.
            """)
        try site.write("content/events/2026-12-24-xss.fi.md", """
            ---
            title: "</script><script>alert(1)</script>"
            date: 2026-07-01
            event_type: webinar
            start: 2026-12-24T10:00
            online: https://example.fi/w
            ---
            """)
        _ = try SiteBuilder.build(fixtureRequest(site))
        let pages = readTree(site.url("output")).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            let document = try #require(HTMLDocument(html: html))
            for script in document.elements(named: "script") {
                if script["type"] == "application/ld+json" {
                    // Structured data: JSON with every '<' escaped, so content cannot close the element.
                    #expect(!script.text.contains("<"), "\(path)")
                    #expect((try? JSONSerialization.jsonObject(with: Data(script.text.utf8))) != nil, "\(path)")
                } else {
                    #expect(script["src"]?.hasPrefix("/assets/") == true && script.text.isEmpty, "\(path): a script from content")
                }
            }
            #expect(document.elements(named: "iframe").isEmpty, "\(path)")
            #expect(document.elements(withAttribute: "onerror").isEmpty, "\(path)")
            #expect(document.elements(withAttribute: "onclick").isEmpty, "\(path)")
            #expect(!html.contains("javascript:"), "\(path)")
        }
        let page = String(decoding: try #require(pages.first { $0.key.hasPrefix("fi/artikkelit/script-alert") }?.value), as: UTF8.self)
        #expect(page.contains("&lt;script&gt;alert(&#39;otsikko&#39;)&lt;/script&gt; &amp; &quot;lainaus&quot;"))
    }
}

/// A template mistake (an unclosed tag, a comment closed early) shows as stray braces on the page.
@Suite struct TemplateLeftoverTests {
    @Test func noPageShowsMustacheBraces() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        for (path, data) in readTree(site.url("output")) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "{{unsubscribe}}", with: "")
            #expect(!text.contains("{{") && !text.contains("}}"), "\(path) shows template braces")
        }
    }
}
