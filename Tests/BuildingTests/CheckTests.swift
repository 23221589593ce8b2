import Building
import Foundation
import Model
import TestSupport
import Testing

/// `check` on a site whose Markdown has a broken internal link, a broken anchor and an image without
/// alt text (raw HTML allowed): each found, the Markdown ones at their source line.
@Suite struct CheckTests {
    @Test func findsBrokenLinksAnchorsAndMissingAlt() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let settings = try String(contentsOf: site.url("content/site.yml"), encoding: .utf8)
        try site.write("content/site.yml", settings.replacingOccurrences(of: "allow_raw_html: false", with: "allow_raw_html: true"))
        try site.write("content/articles/2026-02-01-viat.fi.md", """
            ---
            title: Viallinen
            date: 2026-02-01
            ---
            Linkki [ei mihinkään](/fi/ei-ole-olemassa/).

            Ankkuri [puuttuu](../pages/tietoa.fi.md#ei-tallaista) ja [tällä sivulla](#eikä-tätä).

            <img src="/media/x.png">
            """)
        switch SiteBuilder.check(fixtureRequest(site)) {
        case .success:
            Issue.record("check passed a broken site")
        case .failure(let failure):
            let errors = failure.diagnostics.filter(\.isError)
            let report = errors.map(\.description).joined(separator: "\n")
            #expect(report.contains("content/articles/2026-02-01-viat.fi.md:5:8: error: broken link: /fi/ei-ole-olemassa/"), "\(report)")
            #expect(report.contains("content/articles/2026-02-01-viat.fi.md:7:9: error: broken anchor: /fi/tietoa/#ei-tallaista"), "\(report)")
            #expect(report.contains("content/articles/2026-02-01-viat.fi.md:7:58: error: broken anchor: #eik"), "\(report)")
            #expect(errors.contains { $0.message.contains("the image /media/x.png has no alt attribute") }, "\(report)")
        }
    }

    @Test func strictTurnsTheTranslationReportIntoErrors() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        guard case .success(let checked) = SiteBuilder.check(fixtureRequest(site)) else {
            Issue.record("the minimal site should pass")
            return
        }
        #expect(checked.warnings.contains { $0.message.contains("pages/tietoa has no Swedish version") })
        guard case .failure(let failure) = SiteBuilder.check(fixtureRequest(site), strict: true) else {
            Issue.record("--strict should fail on warnings")
            return
        }
        #expect(failure.diagnostics.allSatisfy { $0.isError })
    }

    @Test func expiredItemsAreNoLongerPublished() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("content/articles/2026-02-01-vanha.fi.md", "---\ntitle: Vanhentunut\ndate: 2026-02-01\nexpires: 2026-11-01\n---\nX.\n")
        try site.write("content/articles/2026-02-02-voimassa.fi.md", "---\ntitle: Voimassa\ndate: 2026-02-02\nexpires: 2026-12-24\n---\nX.\n")
        try SiteBuilder.build(fixtureRequest(site))
        let files = readTree(site.url("output")).keys
        #expect(!files.contains { $0.contains("vanhentunut") })
        #expect(files.contains { $0.contains("voimassa") })
    }
}
