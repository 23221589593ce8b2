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

/// Control characters pasted into content never reach an output file, whatever its format.
@Suite struct ControlCharacterTests {
    @Test func noOutputFileCarriesAControlCharacterAndEachLineWithOneIsReported() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try site.write("content/articles/2026-07-02-ohjausmerkit.fi.md", """
            ---
            title: "Otsikko\u{01} ja\u{0B}kaksi"
            date: 2026-07-02
            summary: Tiivis\u{0C}telmä\u{1F}
            tags: ["a\u{01}b"]
            ---
            Ensimmäinen\u{0B}toinen rivi\u{01} ja `koodi\u{0B}x`.

            ```
            rivi\u{0B}rivi\u{07}
            ```
            """)
        try site.write("content/events/2026-12-27-ohjaus.fi.md", """
            ---
            title: Tapahtuma\u{1B}
            date: 2026-07-02
            event_type: visit
            start: 2026-12-27T10:00
            location: "Kunta\u{0B}talo\u{0C}"
            ---
            Teksti\u{08}.
            """)
        let report = try SiteBuilder.build(fixtureRequest(site))
        let lines = report.warnings.filter { $0.message.contains("control character") || $0.message.contains("vertical tab") }
            .compactMap { $0.location.map { "\($0.path):\($0.line)" } }
        #expect(Set(lines) == [
            "content/articles/2026-07-02-ohjausmerkit.fi.md:2", "content/articles/2026-07-02-ohjausmerkit.fi.md:4",
            "content/articles/2026-07-02-ohjausmerkit.fi.md:5", "content/articles/2026-07-02-ohjausmerkit.fi.md:7",
            "content/articles/2026-07-02-ohjausmerkit.fi.md:10", "content/events/2026-12-27-ohjaus.fi.md:2",
            "content/events/2026-12-27-ohjaus.fi.md:6", "content/events/2026-12-27-ohjaus.fi.md:8",
        ], "\(report.warnings)")
        let files = readTree(site.url("output"))
        for (path, data) in files where !path.hasPrefix("media/") && !path.hasPrefix("assets/") {
            #expect(!data.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, "\(path) carries a control character")
        }
        let page = String(decoding: try #require(files["fi/artikkelit/otsikko-ja-kaksi/index.html"]), as: UTF8.self)
        #expect(page.contains("Ensimmäinen<br />\ntoinen rivi ja <code>koodi x</code>"), "\(page)")
        #expect(page.contains("rivi\nrivi\n</code></pre>"))
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
