import Model
import Testing

@Suite struct ContentPathTests {
    @Test(arguments: [
        ("../pages/laki.fi.md", "content/articles/a.fi.md", "content/pages/laki.fi.md"),
        ("./b.fi.md", "content/articles/a.fi.md", "content/articles/b.fi.md"),
        ("kuvat/x.png", "content/articles/a.fi.md", "content/articles/kuvat/x.png"),
        ("..//pages/./a/../laki.fi.md", "content/articles/a.fi.md", "content/pages/laki.fi.md"),
        ("../pages/é.fi.md", "content/articles/a.fi.md", "content/pages/é.fi.md"),
        ("...", "content/articles/a.fi.md", "content/articles/..."),
    ])
    func joinsRelativePaths(relative: String, source: String, expected: String) {
        #expect(ContentPath.join(relative, relativeTo: source) == expected)
    }

    @Test(arguments: ["../../x.md", "../../../etc/passwd", "../..", "../../contents/x.md", "../../content"])
    func refusesPathsOutsideContent(relative: String) {
        #expect(ContentPath.join(relative, relativeTo: "content/articles/a.fi.md") == nil)
        #expect(ContentPath.join("a.md", relativeTo: "contents/b.md") == nil)
        #expect(ContentPath.join("a.md", relativeTo: "b.md") == nil)
    }
}

@Suite struct URLPolicyTests {
    @Test(arguments: [
        ("https://example.fi/a", true), ("mailto:koordinaattori@example.fi", true), ("tel:+358401234567", true),
        ("web+kulttuuri:x", true), ("äö:x", false), ("../pages/laki.fi.md", false), ("a/b:c", false),
        (":x", false), ("kuva.png", false), ("#kohta", false), ("a_b:c", false), ("ä/ö:x", false), ("1a:b", false),
    ])
    func tellsURLsWithASchemeApartAsBrowsersDo(url: String, expected: Bool) {
        #expect(URLPolicy.hasScheme(url) == expected)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "\u{01}\u{1F} javascript:x",
        "java\tscript:alert(1)", "java\nscript:x", "jav\r\nascript:x", "data:text/html,<script>", "DATA:image/png;base64,AA",
        "vbscript:msgbox", "file:///etc/passwd", "ftp://example.fi/x",
    ])
    func refusesEverySchemeButWebMailAndPhone(url: String) {
        guard case .refused = URLPolicy.classify(url) else {
            Issue.record("\(url.debugDescription) was not refused: \(URLPolicy.classify(url))")
            return
        }
    }

    @Test(arguments: [
        ("https://example.fi", URLPolicy.Kind.external), ("HTTP://example.fi", .external), (" mailto:a@b.fi", .external),
        ("tel:+358401234567", .external), ("/fi/", .sitePath), ("//cdn.example.fi/x", .sitePath), ("#kohta", .sitePath),
        ("?q=1", .sitePath), ("../pages/laki.fi.md", .relative), ("kuva.jpg", .relative), ("kävijät:2024.pdf", .relative),
    ])
    func allowsWebMailPhoneSitePathsAndRelativeLinks(url: String, kind: URLPolicy.Kind) {
        #expect(URLPolicy.classify(url) == kind)
    }

    @Test func namesTheSchemeInLowerCase() {
        #expect(URLPolicy.classify(" JaVa\tScRiPt:x") == .refused(scheme: "javascript"))
    }
}
