import Building
import Foundation
import Inspection
import TestSupport
import Testing

/// The repository's real sample site: it builds, deterministically, and every page can be reached.
@Suite struct SampleSiteTests {
    @Test func buildsTheSameBytesTwice() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let first = try buildSampleSite(into: site.url("one"))
        _ = try buildSampleSite(into: site.url("two"))
        #expect(first.warnings.isEmpty, "\(first.warnings)")
        let one = readTree(site.url("one"))
        #expect(one.count > 50)
        #expect(one == readTree(site.url("two")))
    }

    @Test func everyPageIsReachableFromTheTwoHomePages() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        _ = try buildSampleSite(into: site.url("output"))
        let files = readTree(site.url("output"))
        var reached: Set<String> = []
        var queue = ["fi/index.html", "sv/index.html"]
        while let file = queue.popLast() {
            guard reached.insert(file).inserted, let data = files[file],
                  let document = HTMLDocument(html: String(decoding: data, as: UTF8.self)) else { continue }
            // Links, and the forms a reader sends (the header's search field asks the search page).
            let targets = document.elements(named: "a").compactMap { $0["href"] }
                + document.elements(named: "form").filter { $0["method"] == "get" }.compactMap { $0["action"] }
            for href in targets {
                guard href.hasPrefix("/") else { continue }
                var path = String(href.dropFirst().split(separator: "#", omittingEmptySubsequences: false)[0])
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                if files[path] != nil, !reached.contains(path) { queue.append(path) }
            }
        }
        let pages = Set(files.keys.filter { $0.hasSuffix(".html") && !$0.hasSuffix("404.html") && $0 != "index.html" })
        #expect(pages.subtracting(reached).sorted() == [])
    }
}

/// Feeds and the sitemap of the built sample site: what they contain and what they must never contain.
@Suite struct FeedAndSitemapTests {
    @Test func feedsAndSitemapLeaveOutDraftsAndFutureItemsEvenInPreviewBuilds() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        var request = fixtureRequest(site, drafts: true)
        request.includeFuture = true
        try SiteBuilder.build(request)
        let files = readTree(site.url("output"))
        let feed = String(decoding: try #require(files["fi/feed.xml"]), as: UTF8.self)
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(files.keys.contains { $0.contains("luonnos") }, "the draft page exists in a preview build")
        #expect(files.keys.contains { $0.contains("tuleva-artikkeli") }, "the future page exists in a preview build")
        for text in [feed, sitemap] {
            #expect(!text.contains("/luonnos"))
            #expect(!text.contains("/tuleva-artikkeli"))
            #expect(!text.contains("Luonnos"))
        }
        #expect(sitemap.contains("hreflang=\"sv\""))
        #expect(!sitemap.contains("404"))
        #expect(files["robots.txt"].map { String(decoding: $0, as: UTF8.self) }?.contains("Sitemap: https://fixture.example.fi/sitemap.xml") == true)
    }

    @Test func everyPageAnnouncesItsLanguageFeed() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let pages = readTree(site.url("output")).filter {
            // The root's two pages (the language choice, the bilingual 404) belong to neither language.
            $0.key.hasSuffix(".html") && !["index.html", "404.html"].contains($0.key) && !$0.key.hasSuffix("email.html")
        }
        for (path, data) in pages {
            let language = path.hasPrefix("fi/") ? "fi" : "sv"
            #expect(String(decoding: data, as: UTF8.self).contains(
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\""), "\(path)")
            #expect(String(decoding: data, as: UTF8.self).contains("href=\"/\(language)/feed.xml\">"), "\(path)")
        }
    }
}
