import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What the nightly cron job relies on: a build killed at any moment, a second build at the same time,
/// or a full disk never leave a broken site behind.
@Suite(.serialized) struct NightlyBuildTests {
    let cli = CommandLineTests()
    static let now = CommandLineTests.now

    func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aBuildKilledAtAnyMomentLeavesACompleteOldOrNewSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.copyTree(from: Repository.root.appendingPathComponent("content"), to: "content")
        try site.copyTree(from: Repository.root.appendingPathComponent("themes"), to: "themes")
        let article = site.url("content/articles/2020-05-26-sivusto-avattu.fi.md")
        let original = try String(contentsOf: article, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "title:", with: "title: Muutettu", options: [], range: original.range(of: "title:"))

        // The two complete sites a reader may ever see.
        var trees: [[String: Data]] = []
        for text in [original, changed] {
            try text.write(to: article, atomically: true, encoding: .utf8)
            #expect(try cli.run(["build", "--now", Self.now, "--output", site.url("out-\(trees.count)").path], in: site.root).status == 0)
            trees.append(readTree(site.url("out-\(trees.count)")))
        }
        #expect(trees[0] != trees[1])
        try text(original, to: article)
        #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)

        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0
        for round in 0..<24 {
            try text(round % 2 == 0 ? changed : original, to: article)
            let process = try start(["build", "--now", Self.now], in: site.root)
            usleep(UInt32.random(in: 0..<400_000, using: &generator))
            if process.isRunning { killedMidway += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let output = readTree(site.url("output"))
            #expect(output == trees[0] || output == trees[1], "round \(round): a mixed or partial site")
        }
        #expect(killedMidway > 0, "no build was interrupted; the test proved nothing")
        // Whatever the killed builds left in the previous tree, the next builds give exactly the clean
        // build's bytes, and only the two trees and the lock are beside the output.
        for tree in [0, 1, 0] {
            try text(tree == 0 ? original : changed, to: article)
            #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)
            #expect(readTree(site.url("output")) == trees[tree])
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .filter { $0.hasPrefix(".output.") && $0 != ".output.lock" }
        #expect(beside == [".output.previous"], "\(beside)")
    }

    func text(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func twoBuildsOfOneSiteNeverInterleave() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        // The first build holds the lock for two seconds after rendering.
        let first = try start(
            ["build", "--now", Self.now], in: site.root, environment: ["TIETOPANKKI_TEST_HOLD_LOCK_SECONDS": "2"])
        usleep(700_000)
        let refused = try cli.run(["build", "--now", Self.now], in: site.root)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("another build of this site is running"))
        let waited = try cli.run(["build", "--now", Self.now, "--wait", "30"], in: site.root)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(waited.status == 0, "\(waited.stderr)")
    }

    @Test func aFullDiskLeavesTheOldSiteAndExitsWithThree() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)
        let before = readTree(site.url("output"))
        try site.write("content/articles/2026-03-05-kulttuuri-ja-hyvinvointi.fi.md", "---\ntitle: Uusi\ndate: 2026-03-05\n---\nUusi.\n")
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--now", Self.now]
        process.currentDirectoryURL = site.root
        process.environment = ProcessInfo.processInfo.environment.merging(["TIETOPANKKI_TEST_ENOSPC_AFTER_FILES": "2"]) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(stderr.contains("No space left on device"))
        #expect(stderr.contains("hint: the disk is full, or out of inodes"), "\(stderr)")
        #expect(stderr.contains("the previous output was left as it was"))
        #expect(readTree(site.url("output")) == before)
    }

    /// A previous tree the build may not change (here immutable, which binds root too) fails the build
    /// with exit 3, and the live site stays as it was; once writable again, the next build repairs it.
    @Test func aReadOnlyPreviousTreeLeavesTheLiveSiteAndExitsWithThree() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)
        #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)
        let before = readTree(site.url("output"))
        try site.write("content/articles/2026-03-05-kulttuuri-ja-hyvinvointi.fi.md", "---\ntitle: Uusi\ndate: 2026-03-05\n---\nUusi.\n")
        let frozen = [".output.previous/fi", ".output.previous"].map { site.url($0).path }
        for folder in frozen { try chattr("+i", folder) }
        defer { for folder in frozen { try? chattr("-i", folder) } }
        let failed = try cli.run(["build", "--now", Self.now], in: site.root)
        #expect(failed.status == 3, "\(failed.stderr)")
        #expect(failed.stderr.contains("Operation not permitted"), "\(failed.stderr)")
        #expect(failed.stderr.contains("the previous output was left as it was"))
        #expect(readTree(site.url("output")) == before)
        for folder in frozen { try chattr("-i", folder) }
        #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)
        #expect(try cli.run(["build", "--now", Self.now, "--output", "clean"], in: site.root).status == 0)
        #expect(readTree(site.url("output")) == readTree(site.url("clean")))
    }

    func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "chattr \(flag) \(path) failed (needs root on ext4)")
    }

    /// Out of inodes, `mkdir` fails with ENOSPC; the retried `open` would then say "No such file or
    /// directory", which sends the operator looking for a missing file.
    @Test func runningOutOfInodesSaysSoAndNotThatAFileIsMissing() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        #expect(try cli.run(["build", "--now", Self.now], in: site.root).status == 0)
        let before = readTree(site.url("output"))
        let result = try cli.run(["build", "--now", Self.now], in: site.root, environment: ["TIETOPANKKI_TEST_NO_INODES": "1"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(!result.stderr.contains("No such file or directory"), "\(result.stderr)")
        #expect(result.stderr.contains("out of inodes"))
        #expect(readTree(site.url("output")) == before)
    }

    @Test(arguments: ["/", ".", "content", "content/articles"])
    func refusesOutputFoldersThatWouldDestroySomething(output: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let result = try cli.run(["build", "--now", Self.now, "--output", output], in: site.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to use"))
        #expect(FileManager.default.fileExists(atPath: site.url("content/site.yml").path))
    }

    @Test func writesAJSONReportForMonitoring() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let reportPath = site.url("report.json").path
        #expect(try cli.run(["build", "--now", Self.now, "--quiet", "--json-report", reportPath], in: site.root).status == 0)
        var report = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath))) as? [String: Any])
        #expect(report["outcome"] as? String == "success")
        #expect((report["pages"] as? Int ?? 0) > 10)
        #expect((report["nextChange"] as? [String: Any])?["item"] != nil)
        try site.write("content/articles/bad.fi.md", "---\ndate: 2026-01-01\n---\n")
        #expect(try cli.run(["build", "--now", Self.now, "--json-report", reportPath], in: site.root).status == 1)
        report = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath))) as? [String: Any])
        #expect(report["outcome"] as? String == "content-errors")
        #expect(report["exitCode"] as? Int == 1)
        let errors = try #require(report["errors"] as? [[String: Any]])
        #expect(errors.first?["path"] as? String == "content/articles/bad.fi.md")
        #expect(errors.first?["line"] as? Int == 2)
    }

    @Test func theSummarySaysWhenTheSiteChangesNext() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        try site.write("content/articles/2026-12-01-joulukalenteri.fi.md", "---\ntitle: Joulukalenteri\ndate: 2026-12-01T09:00\n---\nLuukku.\n")
        let result = try cli.run(["build", "--now", Self.now], in: site.root)
        #expect(result.stdout.contains("next change 2026-12-01 09:00: articles/2026-12-01-joulukalenteri is published"), "\(result.stdout)")
    }
}
