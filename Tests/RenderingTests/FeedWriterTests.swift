import Foundation
import Model
@testable import Rendering
import Testing

@Suite struct FeedWriterTests {
    @Test(arguments: [
        ("2026-11-23T12:00:00+02:00", "Mon, 23 Nov 2026 10:00:00 +0000"),
        ("2024-02-29", "Wed, 28 Feb 2024 22:00:00 +0000"),
        ("2020-10-21T09:05:07Z", "Wed, 21 Oct 2020 09:05:07 +0000"),
    ])
    func writesRFC822Dates(text: String, expected: String) {
        #expect(FeedWriter.rfc822(LocalTime.parse(text)!) == expected)
    }

    @Test func escapesXMLAndKeepsCDATAClosed() {
        #expect(FeedWriter.escape("<a & \"b\" 'c'>") == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;")
        #expect(FeedWriter.cdata("x]]>y") == "<![CDATA[x]]]]><![CDATA[>y]]>")
    }

    @Test func makesSiteLinksAbsolute() {
        let html = "<a href=\"/fi/laki/\">laki</a> <img src=\"/media/a.jpg\" alt=\"\"> <a href=\"https://x.fi/\">x</a> <a href=\"//cdn.example.fi/x\">y</a>"
        let absolute = FeedWriter.absolutize(html, baseURL: "https://t.example.fi")
        #expect(absolute.contains("href=\"https://t.example.fi/fi/laki/\""))
        #expect(absolute.contains("src=\"https://t.example.fi/media/a.jpg\""))
        #expect(absolute.contains("href=\"https://x.fi/\""))
        #expect(absolute.contains("href=\"//cdn.example.fi/x\""))
    }

    @Test func makesEveryAddressOfASrcsetAbsolute() {
        let html = "<source srcset=\"/media/a.480.webp 480w, /media/a.960.webp 960w\"><img srcset=\"https://x.fi/b.jpg 1x, //cdn.fi/c.jpg 2x\">"
        let absolute = FeedWriter.absolutize(html, baseURL: "https://t.example.fi")
        #expect(absolute.contains("srcset=\"https://t.example.fi/media/a.480.webp 480w, https://t.example.fi/media/a.960.webp 960w\""))
        #expect(absolute.contains("srcset=\"https://x.fi/b.jpg 1x, //cdn.fi/c.jpg 2x\""))
    }

    @Test func limitsTheFeedToFiftyItemsWithTheRequiredElements() {
        let entries = (1...60).map { number in
            FeedWriter.Entry(
                guid: "t/\(number)", title: "Otsikko \(number) & <muuta>", url: "https://t.example.fi/\(number)/",
                date: Date(timeIntervalSince1970: Double(number) * 86_400), summary: "Tiivistelmä", html: "<p>x</p>",
                categories: ["Artikkeli"])
        }
        let xml = FeedWriter(baseURL: "https://t.example.fi", now: Date(timeIntervalSince1970: 0)).feed(
            title: "T", description: "D", pageURL: "https://t.example.fi/fi/", selfURL: "https://t.example.fi/fi/feed.xml",
            language: .fi, entries: entries)
        #expect(xml.components(separatedBy: "<item>").count - 1 == 50)
        #expect(xml.contains("<atom:link href=\"https://t.example.fi/fi/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>"))
        #expect(xml.contains("<language>fi</language>"))
        #expect(xml.contains("<title>Otsikko 1 &amp; &lt;muuta&gt;</title>"))
        #expect(xml.contains("<guid isPermaLink=\"false\">t/1</guid>"))
    }
}

@Suite struct SitemapWriterTests {
    @Test func writesLocationsDatesAndAlternates() {
        let xml = SitemapWriter.sitemap([
            SitemapWriter.Entry(
                url: "https://t.example.fi/fi/a/", lastModified: LocalTime.parse("2026-01-02"),
                alternates: [("fi", "https://t.example.fi/fi/a/"), ("sv", "https://t.example.fi/sv/b/"), ("x-default", "https://t.example.fi/fi/a/")]),
        ])
        #expect(xml.contains("<loc>https://t.example.fi/fi/a/</loc>\n<lastmod>2026-01-02</lastmod>"))
        #expect(xml.contains("<xhtml:link rel=\"alternate\" hreflang=\"sv\" href=\"https://t.example.fi/sv/b/\"/>"))
    }
}
