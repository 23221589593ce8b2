import Foundation
import TestSupport
import Testing

/// `build --json-report FILE` and `--quiet`, as a monitoring cron job uses them: the report lands where
/// asked or the build says why not, and a quiet successful build prints nothing at all.
@Suite struct JSONReportTests {
    let cli = CommandLineTests()
    static let now = CommandLineTests.now

    @Test func aQuietBuildPrintsNothingAndKeepsItsWarningsForTheReport() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("content/extra.yml", "a: b\n")  // an unknown settings file: a warning
        let loud = try cli.run(["build", "--now", Self.now], in: site.root)
        #expect(loud.status == 0 && loud.stderr.contains("unknown settings file"), "\(loud.stderr)")

        let quiet = try cli.run(["build", "--now", Self.now, "--quiet", "--json-report", "report.json"], in: site.root)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "stdout: \(quiet.stdout) stderr: \(quiet.stderr)")
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: site.url("report.json"))) as? [String: Any])
        let warnings = try #require(report["warnings"] as? [[String: Any]])
        #expect(warnings.first?["message"] as? String == "unknown settings file, ignored")

        let check = try cli.run(["check", "--now", Self.now], in: site.root)
        #expect(check.stderr.contains("content/extra.yml: warning: unknown settings file"), "\(check.stderr)")
    }

    @Test(arguments: [
        ("missing/report.json", "does not exist"),
        ("reports", "is a folder"),
    ])
    func aReportThatCannotBeWrittenExitsWithThreeBeforeBuilding(path: String, message: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("reports"), withIntermediateDirectories: true)
        let result = try cli.run(["build", "--now", Self.now, "--json-report", path], in: site.root)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("--json-report \(path)") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("hint:"))
        #expect(!FileManager.default.fileExists(atPath: site.url("output").path), "nothing is built")
    }

    @Test(arguments: ["content/site.yml", "content/report.json", "themes/default/report.json", "output/report.json"])
    func refusesReportsAmongTheSourcesOrInTheOutput(path: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let settings = try Data(contentsOf: site.url("content/site.yml"))
        try FileManager.default.createDirectory(at: site.url("output"), withIntermediateDirectories: true)
        let result = try cli.run(["build", "--now", Self.now, "--json-report", path], in: site.root)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("refusing to write the report"), "\(result.stderr)")
        #expect(try Data(contentsOf: site.url("content/site.yml")) == settings)
        #expect(!FileManager.default.fileExists(atPath: site.url(path).path) || path == "content/site.yml")
    }

    @Test func refusesAReportThatReachesTheContentThroughALink() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let settings = try Data(contentsOf: site.url("content/site.yml"))
        try FileManager.default.createSymbolicLink(atPath: site.url("last.json").path, withDestinationPath: "content/site.yml")
        let result = try cli.run(["build", "--now", Self.now, "--json-report", "last.json"], in: site.root)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(try Data(contentsOf: site.url("content/site.yml")) == settings)
    }

    @Test func aReportThatFailsToWriteAfterTheBuildExitsWithThree() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        // /dev/full accepts the open and fails every write with ENOSPC. Reached through a link, so that
        // a report written by replacing the file would replace the link, never the device.
        try FileManager.default.createSymbolicLink(atPath: site.url("full.json").path, withDestinationPath: "/dev/full")
        let result = try cli.run(["build", "--now", Self.now, "--quiet", "--json-report", "full.json"], in: site.root)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write the report full.json"), "\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    }
}
