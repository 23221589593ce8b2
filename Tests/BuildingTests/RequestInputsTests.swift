import Building
import Foundation
import TestSupport
import Testing
import Writing

/// What the library knows of the machine comes in through the request, never from the environment.
@Suite struct RequestInputsTests {
    @Test func refusesTheHomeFolderTheRequestNames() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        var request = fixtureRequest(site, output: "koti")
        request.homeDirectory = site.url("koti").path
        #expect(throws: OutputGuard.Refusal.self) { try SiteBuilder.build(request) }
        // The same folder is an output like any other when it is not the home folder.
        request.homeDirectory = nil
        try SiteBuilder.build(request)
        #expect(FileManager.default.fileExists(atPath: site.url("koti/index.html").path))
    }
}
