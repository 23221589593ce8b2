@testable import Building
import Foundation
@testable import Rendering
@testable import Templates
import TestSupport
import Testing

/// Builds the fixture site `Tests/Fixtures/sites/basic` with a fixed moment and compares the output,
/// file by file and byte by byte, with `Tests/Golden/basic/`.
///
/// After an intended change of output, re-record with `make golden` (or
/// `TIETOPANKKI_RECORD_GOLDEN=1 swift test --filter GoldenSiteTests`) and review the diff in git.
@Suite struct GoldenSiteTests {
    static let golden = Repository.root.appendingPathComponent("Tests/Golden/basic")
    static var recording: Bool { ProcessInfo.processInfo.environment["TIETOPANKKI_RECORD_GOLDEN"] == "1" }

    /// With pages written from recorded shapes (the default) and with every page rendered by the
    /// template engine: the same files.
    @Test(arguments: [true, false])
    func fixtureSiteMatchesTheGoldenFiles(specializing: Bool) throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        var request = fixtureRequest(site)
        request.specializesTemplates = specializing
        try SiteBuilder.build(request)
        let actual = readTree(site.url("output")).filter { !$0.key.hasPrefix("assets/") }

        if Self.recording {
            // Recorded from the default build; the other run would race the rewrite.
            guard specializing else { return }
            try? FileManager.default.removeItem(at: Self.golden)
            for (path, data) in actual {
                let file = Self.golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
            }
            return
        }
        let expected = readTree(Self.golden)
        #expect(!expected.isEmpty, "no golden files: run `make golden`")
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let unexpected = Set(actual.keys).subtracting(expected.keys).sorted()
        #expect(missing.isEmpty, "files no longer produced: \(missing)")
        #expect(unexpected.isEmpty, "new files not in the golden tree: \(unexpected)")
        for path in Set(expected.keys).intersection(actual.keys).sorted() where expected[path] != actual[path] {
            Issue.record("\(path) differs from Tests/Golden/basic/\(path)\n\(firstDifference(expected[path]!, actual[path]!))")
        }
    }

    /// The first differing line, to make a failure readable without a diff tool.
    func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where (index < a.count ? a[index] : nil) != (index < b.count ? b[index] : nil) {
            return "line \(index + 1):\n  expected: \(index < a.count ? String(a[index]) : "<end>")\n  actual:   \(index < b.count ? String(b[index]) : "<end>")"
        }
        return "(same lines, different bytes)"
    }

    /// The comparison switch really sends every page through the engine, and the default does not.
    @Test func theSwitchRendersEveryPageThroughTheEngine() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        for specializing in [true, false] {
            var request = fixtureRequest(site)
            request.specializesTemplates = specializing
            let prepared = try SiteBuilder.prepare(request).get()
            for job in prepared.renderer.jobs() { _ = prepared.renderer.render(job) }
            let specializer = prepared.templates.specializer
            #expect(specializer.isEnabled == specializing)
            let replays = specializer.replays.load(ordering: .relaxed)
            #expect(specializing ? replays > 0 : replays + specializer.recordings.load(ordering: .relaxed) == 0)
        }
    }
}
