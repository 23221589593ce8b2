import Building
import Foundation
import Model
import TestSupport
import Testing

/// The site's face from `content/site.yml` (docs/site-face.md): the header's logo, the favicon set in
/// every page's head and the funders' and partners' row in the footer, built from the `basic` fixture,
/// whose settings name all three; and the files themselves, published as checked.
@Suite struct SiteFaceTests {
    static let iconLinks = """
        <link rel="icon" href="/media/brand/icon-32.png" sizes="32x32" type="image/png">
        <link rel="icon" href="/media/brand/icon.svg" type="image/svg+xml">
        <link rel="apple-touch-icon" href="/media/brand/icon-180.png">
        """

    func built() throws -> (TemporarySite, [String: Data]) {
        let site = try TemporarySite.copyOfFixture("basic")
        try SiteBuilder.build(fixtureRequest(site))
        return (site, readTree(site.url("output")))
    }

    @Test func everyPageNamesTheIconsAndShowsTheLogoAndThePartners() throws {
        let (site, tree) = try built()
        defer { site.remove() }
        let pages = tree.filter { $0.key.hasSuffix(".html") && !$0.key.hasSuffix("/email.html") }
        #expect(pages.count > 40)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            let head = html.components(separatedBy: "</head>")[0]
            #expect(head.contains(Self.iconLinks), "\(path): no favicon links in the head")
            // The language choice and the bilingual 404 at the root have no header or footer.
            guard path != "index.html", path != "404.html" else { continue }
            let swedish = path.hasPrefix("sv/")
            let logo = """
                <a class="site-title has-logo" href="/\(swedish ? "sv" : "fi")/"><picture>\
                <source srcset="/media/brand/logo-dark.svg" media="screen and (prefers-color-scheme: dark)">\
                <img class="site-logo" src="/media/brand/logo.svg" alt="\(swedish ? "Kultur tillsammans – startsida" : "Kulttuuria yhteistuumin – etusivu")" width="200" height="40">\
                </picture></a>
                """
            #expect(html.contains(logo), "\(path): no logo in the header")
            let footer = try #require(html.components(separatedBy: "<footer").last, "\(path): no footer")
            let partner = swedish
                ? #"<li><a href="https://rahoittaja.example.fi/sv/"><img src="/media/brand/partners/rahoittaja.svg" alt="Finansiärens logotyp" width="121" height="30" loading="lazy"></a></li>"#
                : #"<li><a href="https://rahoittaja.example.fi/fi/?a=1&amp;b=2"><img src="/media/brand/partners/rahoittaja.svg" alt="Rahoittajan logo" width="121" height="30" loading="lazy"></a></li>"#
            #expect(footer.contains(partner), "\(path): no funder in the footer")
            #expect(footer.contains(#"<li><a href="https://kumppani.example.fi/"><span class="partner-name">Kumppani &lt;ilman logoa&gt;</span></a></li>"#),
                    "\(path): the partner without a logo is not named")
            #expect(footer.contains(swedish ? "Finansiärer och partner</h2>" : "Rahoittajat ja kumppanit</h2>"))
        }
    }

    @Test func theNamedFilesArePublishedAsTheyAreAndNothingElseOfBrand() throws {
        let (site, tree) = try built()
        defer { site.remove() }
        for name in ["logo.svg", "logo-dark.svg", "icon.svg", "icon-32.png", "icon-180.png", "partners/rahoittaja.svg"] {
            let source = try Data(contentsOf: site.url("content/brand/" + name))
            #expect(tree["media/brand/" + name] == source, "media/brand/\(name)")
        }
        #expect(tree["media/brand/muistiinpanot.txt"] == nil, "a file site.yml does not name was published")
    }

    @Test func checkDoesNotCallTheNamedFilesUnreferenced() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let rendered = try SiteBuilder.check(fixtureRequest(site)).get()
        #expect(!rendered.warnings.contains { $0.location?.path.hasPrefix("content/brand") == true }, "\(rendered.warnings)")
    }

    /// Without the settings, the header shows the title as text and pages name no icon and no partners.
    @Test func aSiteWithoutThemKeepsItsTitleAndNoIcons() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let home = try String(contentsOf: site.url("output/fi/index.html"), encoding: .utf8)
        #expect(home.contains(#"<a class="site-title" href="/fi/">Kulttuuria yhteistuumin</a>"#))
        #expect(!home.contains(#"rel="icon""#))
        #expect(!home.contains("partners"))
    }

    /// The file checked is the file published: the bytes read at load, even if the file changes later.
    @Test func publishesTheBytesThatWereChecked() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let rendered = try SiteBuilder.render(fixtureRequest(site)).get()
        let logo = try #require(rendered.files.first { $0.path == "media/brand/logo.svg" })
        guard case .data(let bytes) = logo.contents else {
            Issue.record("the logo is copied by name, not published from the checked bytes")
            return
        }
        #expect(bytes == (try Data(contentsOf: site.url("content/brand/logo.svg"))))
    }

    /// A symbolic link out of the content folder is refused like any other read of content.
    @Test func aLinkOutOfContentIsRefused() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let outside = site.url("secret.svg")
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>"#.utf8).write(to: outside)
        try FileManager.default.removeItem(at: site.url("content/brand/logo.svg"))
        try FileManager.default.createSymbolicLink(at: site.url("content/brand/logo.svg"), withDestinationURL: outside)
        #expect(throws: BuildFailure.self) { try SiteBuilder.build(fixtureRequest(site)) }
        let failure = SiteBuilder.render(fixtureRequest(site))
        guard case .failure(let report) = failure else { Issue.record("built with a logo outside content/"); return }
        #expect(report.diagnostics.contains {
            $0.description.hasPrefix("content/site.yml:") && $0.message.contains("'file' names content/brand/logo.svg: a symbolic link leads outside")
        }, "\(report.diagnostics)")
    }
}
