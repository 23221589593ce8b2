import Building
import Foundation
import Model
import TestSupport

/// The fixed build moment every fixture build uses, so output never depends on the day tests run.
let fixtureNow = LocalTime.parse("2026-11-23T12:00:00+02:00")!

/// A build request for a temporary site, with the fixed moment.
func fixtureRequest(_ site: TemporarySite, output: String = "output", drafts: Bool = false) -> BuildRequest {
    BuildRequest(siteDirectory: site.root, outputDirectory: site.url(output), now: fixtureNow, includeDrafts: drafts)
}

/// The repository's own sample site (content/ and themes/) built into a temporary output folder.
func buildSampleSite(into output: URL) throws -> BuildReport {
    try SiteBuilder.build(BuildRequest(siteDirectory: Repository.root, outputDirectory: output, now: fixtureNow))
}
