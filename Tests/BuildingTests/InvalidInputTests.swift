import Building
import Foundation
import Model
import TestSupport
import Testing

/// One case per folder under `Tests/Fixtures/invalid/`: its files are laid over the minimal site, the
/// build must fail, every line of its `expected.txt` must appear in the report, and the output of the
/// previous good build must be left exactly as it was.
@Suite struct InvalidInputTests {
    static let cases: [String] = {
        let folder = Repository.fixtures.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func failsWithLocatedErrorsAndKeepsThePreviousOutput(name: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try SiteBuilder.build(fixtureRequest(site))
        let before = readTree(site.url("output"))
        #expect(!before.isEmpty)

        let caseFolder = Repository.fixtures.appendingPathComponent("invalid/\(name)")
        try site.copyTree(from: caseFolder.appendingPathComponent("content"), to: "content")
        let expected = try String(contentsOf: caseFolder.appendingPathComponent("expected.txt"), encoding: .utf8)

        do {
            try SiteBuilder.build(fixtureRequest(site))
            Issue.record("the build of '\(name)' succeeded but should have failed")
        } catch let failure as BuildFailure {
            let report = failure.diagnostics.map(\.description).joined(separator: "\n")
            #expect(failure.diagnostics.contains { $0.isError })
            for line in expected.split(separator: "\n") where !line.isEmpty {
                #expect(report.contains(line), "missing «\(line)» in:\n\(report)")
            }
            for diagnostic in failure.diagnostics where diagnostic.isError {
                #expect((diagnostic.location?.line ?? 0) > 0, "an error without a line: \(diagnostic)")
            }
        }
        #expect(readTree(site.url("output")) == before, "the previous output changed")
    }
}
