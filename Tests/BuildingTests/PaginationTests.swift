import Building
import Foundation
import Inspection
import TestSupport
import Testing

@Suite struct PaginationTests {
    @Test func listsTwentyItemsAPageWithLinksBetweenPages() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        for number in 1...24 {
            let day = number < 10 ? "0\(number)" : "\(number)"
            try site.write(
                "content/articles/2025-10-\(day)-a.fi.md", "---\ntitle: Artikkeli \(number)\ndate: 2025-10-\(day)\n---\nTeksti \(number).\n")
        }
        try SiteBuilder.build(fixtureRequest(site))
        let first = try String(contentsOf: site.url("output/fi/artikkelit/index.html"), encoding: .utf8)
        let second = try String(contentsOf: site.url("output/fi/artikkelit/sivu/2/index.html"), encoding: .utf8)
        let firstCards = try #require(HTMLDocument(html: first)).elements(named: "li").filter { $0["class"]?.hasPrefix("card") == true }
        let secondCards = try #require(HTMLDocument(html: second)).elements(named: "li").filter { $0["class"]?.hasPrefix("card") == true }
        #expect(firstCards.count == 20)
        #expect(secondCards.count == 5)  // 24 + the minimal site's own article
        #expect(first.contains("href=\"/fi/artikkelit/sivu/2/\" rel=\"next\""))
        #expect(second.contains("href=\"/fi/artikkelit/\" rel=\"prev\""))
        #expect(firstCards.first?.text.contains("Tervetuloa") == true)  // 2026-01-01, the newest
        #expect(firstCards.dropFirst().first?.text.contains("Artikkeli 24") == true)
        #expect(!FileManager.default.fileExists(atPath: site.url("output/fi/artikkelit/sivu/3").path))
        // The Swedish list has one page: Finnish page 2 has no counterpart, so its switch says so and
        // leads to the Swedish list, and it claims no hreflang pair.
        #expect(second.contains("<a href=\"/sv/artiklar/\" lang=\"sv\" hreflang=\"sv\">"))
        #expect(second.contains("class=\"no-translation\""))
        #expect(!second.contains("/sv/artiklar/sida/2/"))
        #expect(first.contains("<link rel=\"alternate\" hreflang=\"sv\" href=\"https://minimal.example.fi/sv/artiklar/\">"))
    }

    @Test func aLongListLinksAWindowOfPages() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        for number in 1...200 {
            let day = String(format: "%02d", number % 28 + 1), month = String(format: "%02d", number % 12 + 1)
            try site.write(
                "content/articles/2024-\(month)-\(day)-a\(number).fi.md",
                "---\ntitle: Artikkeli \(number)\ndate: 2024-\(month)-\(day)\n---\nTeksti.\n")
        }
        try SiteBuilder.build(fixtureRequest(site))
        let middle = try String(contentsOf: site.url("output/fi/artikkelit/sivu/6/index.html"), encoding: .utf8)
        let start = try #require(middle.range(of: "<nav class=\"pagination\""))
        let end = try #require(middle.range(of: "</nav>", range: start.upperBound..<middle.endIndex))
        let navigation = try #require(HTMLDocument(html: String(middle[start.lowerBound..<end.upperBound])))
        // 201 articles: 11 pages. Page 6 links the first, 4–8 and the last, with a gap on each side.
        #expect(navigation.elements(named: "a").map(\.text) == ["Edellinen", "1", "4", "5", "6", "7", "8", "11", "Seuraava"])
        #expect(navigation.elements(named: "li").filter { $0["class"] == "gap" }.count == 2)
        #expect(middle.contains("<li class=\"gap\" aria-hidden=\"true\">…</li>\n<li><a href=\"/fi/artikkelit/sivu/4/\">4</a></li>"))
        #expect(middle.contains("<a href=\"/fi/artikkelit/sivu/6/\" aria-current=\"page\">6</a>"))
    }
}
