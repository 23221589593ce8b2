import ArgumentParser
import Building
import Foundation
import Model

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (the one that holds content/).", valueName: "DIR"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/output).", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "The build moment, ISO 8601 (2026-11-23T03:00:00+02:00; without an offset Helsinki time). Decides what is published and which events are past. Default: now.",
        valueName: "TIME"))
    var now: String?

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @Flag(name: .long, help: "Include items dated after the build moment.")
    var future = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Replaces base_url of content/site.yml.", valueName: "URL"))
    var baseURL: String?

    func validate() throws {
        if let now, LocalTime.parse(now) == nil {
            throw ValidationError("--now '\(now)' is not an ISO 8601 time; write e.g. 2026-11-23T03:00:00+02:00")
        }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://")
        }
    }

    /// The request for the library; the clock and the environment are read here, at the edge, and
    /// nowhere else.
    func request() -> BuildRequest {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var request = BuildRequest(
            siteDirectory: rootURL, outputDirectory: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            now: now.flatMap(LocalTime.parse) ?? Date(), includeDrafts: drafts, includeFuture: future,
            baseURL: baseURL)
        // A switch for comparing outputs (docs/architecture.md), read here at the edge like the clock.
        request.specializesTemplates = ProcessInfo.processInfo.environment["TIETOPANKKI_NO_SPECIALIZING"] == nil
        request.clock = ContinuousClock()
        request.homeDirectory = ProcessInfo.processInfo.environment["HOME"]
        return request
    }

    /// Prefix that makes diagnostic paths (relative to the site folder) valid from the working directory.
    var displayPrefix: String {
        root == "." || root.isEmpty ? "" : (root.hasSuffix("/") ? root : root + "/")
    }
}
