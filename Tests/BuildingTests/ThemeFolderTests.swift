import Building
import Foundation
import Model
import TestSupport
import Testing

/// A theme outside `themes/default` is named by its own folder in every error about it.
@Suite struct ThemeFolderTests {
    @Test func namesTheRealThemeFolderForAMissingTemplateAndUIString() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try FileManager.default.moveItem(at: site.url("themes/default"), to: site.url("themes/oma"))
        try FileManager.default.removeItem(at: site.url("themes/oma/templates/search.mustache"))
        let strings = try String(contentsOf: site.url("themes/oma/i18n/fi.yml"), encoding: .utf8)
        let withoutHome = strings.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("home:") }.joined(separator: "\n")
        try site.write("themes/oma/i18n/fi.yml", withoutHome)
        let sv = try String(contentsOf: site.url("themes/oma/i18n/sv.yml"), encoding: .utf8)
        try site.write("themes/oma/i18n/sv.yml", sv.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("home:") }.joined(separator: "\n"))
        var request = fixtureRequest(site)
        request.themeDirectory = site.url("themes/oma")
        #expect(throws: BuildFailure.self) { try SiteBuilder.build(request) }
        do {
            try SiteBuilder.build(request)
        } catch let failure as BuildFailure {
            let report = failure.diagnostics.map(\.description).joined(separator: "\n")
            #expect(report.contains("themes/oma/templates/search.mustache: error: the theme has no 'search' template"), "\(report)")
            #expect(report.contains("themes/oma/i18n/fi.yml: error: the UI string 'home' is missing"), "\(report)")
            #expect(!report.contains("themes/default"), "\(report)")
        }
    }
}
