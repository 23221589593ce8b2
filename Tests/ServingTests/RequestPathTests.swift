import Serving
import Testing

@Suite struct RequestPathTests {
    static let site: Set<String> = ["index.html", "fi/index.html", "fi/artikkelit/index.html", "fi/feed.xml"]

    func resolve(_ path: String) -> RequestPath { RequestPath.resolve(path) { Self.site.contains($0) } }

    @Test func mapsPrettyURLsToFiles() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/fi/") == .file("fi/index.html"))
        #expect(resolve("/fi/feed.xml") == .file("fi/feed.xml"))
        #expect(resolve("/fi/artikkelit") == .redirect("/fi/artikkelit/"))
        #expect(resolve("/fi/artikkelit/?sivu=2") == .file("fi/artikkelit/index.html"))
        #expect(resolve("/fi/%C3%A4/") == .file("fi/ä/index.html"))
    }

    @Test(arguments: ["/../x", "/fi/../../x", "/fi/%2e%2e/x", "/fi/%2E%2E/x", "/a\\b", "/fi/%00", "/fi//x", "/%ZZ", "relative", "/./x"])
    func rejectsTraversalAndMalformedPaths(path: String) {
        #expect(resolve(path) == .rejected)
    }

    @Test func picksThe404PageByLanguageAndTheBilingualOneOutsideBoth() {
        #expect(RequestPath.notFoundPage(for: "sv/x/index.html") == "sv/404.html")
        #expect(RequestPath.notFoundPage(for: "/fi/x/index.html") == "fi/404.html")
        #expect(RequestPath.notFoundPage(for: "other") == "404.html")
        #expect(RequestPath.notFoundPage(for: "svenska/index.html") == "404.html")
        #expect(RequestPath.notFoundPage(for: "wp-login.php") == "404.html")
    }
}

@Suite struct MediaTypeTests {
    @Test(arguments: [
        ("fi/index.html", "text/html; charset=utf-8"), ("fi/feed.xml", "application/rss+xml; charset=utf-8"),
        ("sitemap.xml", "application/xml"), ("fi/tapahtumat/kalenteri.ics", "text/calendar; charset=utf-8"),
        ("assets/site.css", "text/css; charset=utf-8"), ("fi/haku/index.json", "application/json"),
        ("media/a.JPG", "image/jpeg"), ("robots.txt", "text/plain; charset=utf-8"), ("x", "application/octet-stream"),
    ])
    func knowsTheSitesFileTypes(path: String, type: String) {
        #expect(MediaTypes.type(of: path) == type)
    }
}

@Suite struct LiveReloadTests {
    @Test func injectsTheScriptAndAnEscapedOverlay() {
        let page = LiveReload.inject(into: "<html><body><p>x</p></body></html>", errors: [
            .error(.init(path: "content/a.fi.md", line: 3, column: 1), "unknown key '<b>'"),
        ])
        #expect(page.contains("EventSource(\"/__tietopankki/events\")"))
        #expect(page.contains("content/a.fi.md:3:1: error: unknown key '&lt;b&gt;'"))
        #expect(page.hasSuffix("</body></html>"))
    }
}
